import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { type Load, type LoadMessage, type PlannedSend, type SendRecord, sendsIn } from './load.ts';

// The load of one pipeline run, offered from its own thread (see offerLoad in load.ts). It speaks
// HTTP through node:http with kept-alive connections and each request body serialised once: about
// a third of the CPU a request costs through fetch, CPU that the region under test shares.
const { sends, load } = workerData as { sends: PlannedSend[]; load: Load };
const post = (m: LoadMessage) => parentPort!.postMessage(m);
const agent = new Agent({ keepAlive: true });
const planned = sends.map((s) => {
  const body = Buffer.from(JSON.stringify(s.request));
  return {
    url: new URL(`${s.baseUrl.replace(/\/$/, '')}/v1/notifications`),
    body,
    headers: {
      authorization: `Bearer ${s.token}`,
      'content-type': 'application/json',
      'content-length': String(body.length),
    },
  };
});
const now = () => performance.timeOrigin + performance.now();
const records: SendRecord[] = [];
let refused = 0;
let turn = 0;

/** One send: its answer when the connector took it (a 2xx), undefined when it refused it. */
const send = (p: (typeof planned)[number]) =>
  new Promise<{ id: string; recipients: string[] } | undefined>((resolve, reject) => {
    const req = request(p.url, { method: 'POST', agent, headers: p.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const ok = res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300;
        try {
          resolve(ok ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined);
        } catch (error) {
          reject(error);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(p.body);
  });

const sendOne = async () => {
  const n = turn++ % sends.length;
  const at = now();
  const wall = Date.now();
  try {
    const answer = await send(planned[n]!);
    if (answer) records.push({ ...answer, wall, at, acceptMs: now() - at });
    else refused++;
  } catch {
    refused++;
  }
};

const started = now();
const total = sendsIn(load);
if (load.kind === 'fixed') {
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
    while (next < total) {
      next++;
      if (next % 100 === 0) post({ started: next });
      await sendOne();
    }
  };
  await Promise.all(Array.from({ length: load.concurrency }, sender));
}
agent.destroy();
post({ result: { records, refused, started } });
