import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectBus, inboxPrefixOf, jetstream, type NatsConnection, publishDurable } from '@cwtch/bus';
import { type KindName, kinds } from '@cwtch/contracts';
import {
  type AgencyKeys,
  type EnvelopeRouting,
  parsePrivateKeyFile,
  type RandomSource,
  type SealedEnvelope,
  sealEnvelope,
} from '@cwtch/crypto';
import { DirectoryView, verifyDirectory } from '@cwtch/directory';
import { createConnectorClient } from '@cwtch/sdk';
import { cwtch } from '../support/cli.ts';
import { eventually, type RunningRegion } from '../support/region.ts';
import { subjectReferenceIn } from '../support/subject.ts';

/** The connector SDK as `agency` with one of its demo tokens. */
export function clientOf(
  run: RunningRegion,
  agency: string,
  role: 'system' | 'frontdoor' | 'manager' = 'system',
) {
  const a = run.region.agencies[agency];
  if (!a) throw new Error(`no agency ${agency} in the region`);
  const token = a.tokens[role];
  if (!token) throw new Error(`no ${role} token for ${agency}`);
  return createConnectorClient({ baseUrl: a.connector, token });
}

/** GET on the audit service's API as the region's auditor. */
export async function auditGet<T>(run: RunningRegion, path: string): Promise<T> {
  const res = await fetch(`${run.region.audit.url}${path}`, {
    headers: { authorization: `Bearer ${run.region.audit.token}` },
  });
  if (!res.ok) throw new Error(`audit ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Exports the evidence bundle once a cosigned checkpoint covers everything logged so far, and runs
 * the offline verifier on it with the region's pinned keys. Resolves with the verifier's result.
 */
export async function exportAndVerify(
  run: RunningRegion,
): Promise<{ code: number; stdout: string; stderr: string; bundle: string }> {
  const regionFile = join(run.dataDir, 'region.json');
  const file = join(run.dataDir, `attack-bundle-${Date.now()}.jsonl`);
  const { size } = await auditGet<{ size: number }>(run, '/v1/shares?kind=none');
  const bundle = await eventually(
    async () => {
      const res = await cwtch(['audit', 'export', '--region', regionFile, '--out', file]);
      if (res.code !== 0) return undefined;
      const text = await readFile(file, 'utf8');
      return (JSON.parse(text.slice(0, text.indexOf('\n'))) as { size: number }).size >= size
        ? text
        : undefined;
    },
    60_000,
    'an export with a cosigned checkpoint covering the log',
  );
  await writeFile(file, bundle);
  const res = await cwtch(['audit', 'verify', file, '--region', regionFile]);
  return { ...res, bundle };
}

/** The signed directory of the running region, verified with its pinned governance key. */
export async function regionDirectory(run: RunningRegion): Promise<DirectoryView> {
  const signed = new Uint8Array(await readFile(join(run.dataDir, 'directory.signed.json')));
  const governanceKey = new Uint8Array(Buffer.from(run.region.trust.governanceKey, 'base64url'));
  return new DirectoryView(verifyDirectory(signed, governanceKey));
}

/** An agency's current private keys, read from the data folder as an insider with its files would. */
export async function agencyKeys(run: RunningRegion, agency: string): Promise<AgencyKeys> {
  const dir = join(run.dataDir, 'agencies', agency, 'keys');
  const files = (await readdir(dir)).sort();
  const last = files[files.length - 1];
  if (!last) throw new Error(`no keys for ${agency}`);
  return parsePrivateKeyFile(await readFile(join(dir, last), 'utf8')).keys;
}

/** A NATS connection with `agency`'s own credentials: what a compromised agency system holds. */
export function connectAs(run: RunningRegion, agency: string): Promise<NatsConnection> {
  const creds = run.region.agencies[agency]?.natsCreds;
  if (!creds) throw new Error(`no NATS credentials for ${agency}`);
  return connectBus({
    servers: run.region.nats.url,
    name: `attacker-${agency}`,
    nkeySeedFile: creds,
    inboxPrefix: inboxPrefixOf(agency),
  });
}

/** What {@link sealAs} may change of a genuine envelope's routing, and its plaintext. */
export type SealOverrides = Partial<EnvelopeRouting> & {
  plaintext?: Uint8Array;
  random?: RandomSource;
  /** The recipients' keys as the header will name them, instead of the directory's current ones. */
  sealTo?: { agency: string; kid: string; publicKey: Uint8Array }[];
};

/**
 * Seals `payload` of `kind` from `from` to `to` outside any connector, exactly as a connector
 * would (agreement, lawful basis, subject reference, current keys), then applies `overrides`.
 */
export async function sealAs(
  run: RunningRegion,
  from: string,
  to: readonly string[],
  kind: KindName,
  payload: unknown,
  overrides: SealOverrides = {},
): Promise<SealedEnvelope> {
  const view = await regionDirectory(run);
  const keys = await agencyKeys(run, from);
  const agreement = view.agreementFor(from, [...to], kind);
  if (!agreement) throw new Error(`no agreement lets ${from} send ${kind} to ${to.join(', ')}`);
  const now = Date.now();
  const { plaintext, sealTo, ...routing } = overrides;
  return sealEnvelope({
    iat: now,
    exp: now + 3_600_000,
    kind,
    sv: kinds[kind].version,
    agreement: agreement.id,
    purpose: agreement.purposes[0] ?? 'safeguarding',
    basis: agreement.lawfulBasis,
    priority: 'high',
    respondBy: null,
    subject: await subjectReferenceIn(run, kind, payload),
    ...routing,
    plaintext: plaintext ?? new TextEncoder().encode(JSON.stringify(payload)),
    sender: { agency: from, kid: keys.signing.kid, signSecretKey: keys.signing.secretKey },
    recipients: sealTo ?? to.map((r) => view.currentKey(r, 'enc', now)),
  });
}

/** Publishes raw bytes to a bus subject with an agency's own connection; resolves once stored. */
export async function publishRaw(nc: NatsConnection, subject: string, bytes: Uint8Array): Promise<void> {
  await publishDurable(jetstream(nc), subject, bytes, { msgId: `attack-${randomUUID()}` });
}

/** Where the verifier's golden bundle lives: an export of a real region after the attack suite. */
export const GOLDEN_DIR = fileURLToPath(
  new URL('../../packages/audit-verify/src/fixtures/golden/', import.meta.url),
);

/** Writes `bundle` and the region's pinned keys as the verifier's golden fixture. */
export async function writeGoldenBundle(run: RunningRegion, bundle: string): Promise<void> {
  const t = run.region.trust;
  const trust = {
    governanceKey: t.governanceKey,
    logKey: t.logKey,
    logOrigin: t.logOrigin,
    witnesses: t.witnesses ?? [],
    quorum: t.quorum ?? 0,
  };
  await mkdir(GOLDEN_DIR, { recursive: true });
  await writeFile(join(GOLDEN_DIR, 'bundle.jsonl'), bundle);
  await writeFile(join(GOLDEN_DIR, 'trust.json'), `${JSON.stringify(trust, null, 2)}\n`);
}
