import { parentPort, workerData } from 'node:worker_threads';
import { createConnectorClient } from '@cwtch/sdk';
import type { Load, LoadMessage, PlannedSend, SendRecord } from './load.ts';

// The load of one pipeline run, offered from its own thread (see offerLoad in load.ts). Only the
// SDK's client here: the worker starts in a moment and makes little garbage of its own.
const { sends, load } = workerData as { sends: PlannedSend[]; load: Load };
const post = (m: LoadMessage) => parentPort!.postMessage(m);
const clients = sends.map((s) => createConnectorClient({ baseUrl: s.baseUrl, token: s.token }));
const now = () => performance.timeOrigin + performance.now();
const records: SendRecord[] = [];
let refused = 0;
let turn = 0;

const sendOne = async () => {
  const n = turn++ % sends.length;
  const at = now();
  const wall = Date.now();
  try {
    const { id, recipients } = await clients[n]!.send(sends[n]!.request as never);
    records.push({ id, recipients, wall, at, acceptMs: now() - at });
  } catch {
    refused++;
  }
};

const started = now();
if (load.kind === 'fixed') {
  const total = Math.round(load.rate * load.seconds);
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / load.rate - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(sendOne());
    if (i % 100 === 0) post({ started: i });
  }
  await Promise.all(inFlight);
} else {
  let next = 0;
  const sender = async () => {
    while (next < load.count) {
      next++;
      if (next % 100 === 0) post({ started: next });
      await sendOne();
    }
  };
  await Promise.all(Array.from({ length: load.concurrency }, sender));
}
post({ result: { records, refused, started } });
