import { createWriteStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import {
  disclose,
  formatReport,
  progressBar,
  readBundleLines,
  Trust,
  verifyBundle,
} from '@cwtch/audit-verify';
import { RegionFile } from '@cwtch/contracts';
import { initCrypto } from '@cwtch/crypto';

/** The pinned keys: a trust file, or the `trust` block of a region.json. */
async function loadTrust(values: {
  trust?: string | undefined;
  region?: string | undefined;
}): Promise<Trust> {
  if (values.trust) return Trust.parse(JSON.parse(await readFile(values.trust, 'utf8')));
  const file = values.region ?? '.cwtch/dev/region.json';
  if (!existsSync(file)) throw new Error('pass --trust FILE (pinned keys) or --region FILE');
  const t = RegionFile.parse(JSON.parse(await readFile(file, 'utf8'))).trust;
  return Trust.parse({
    governanceKey: t.governanceKey,
    logKey: t.logKey,
    logOrigin: t.logOrigin,
    witnesses: t.witnesses ?? [],
    quorum: t.quorum ?? 0,
  });
}

async function exportBundle(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      region: { type: 'string', default: '.cwtch/dev/region.json' },
      out: { type: 'string' },
      quorum: { type: 'string' },
    },
  });
  const region = RegionFile.parse(JSON.parse(await readFile(values.region!, 'utf8')));
  const q = values.quorum ? `?quorum=${Number(values.quorum)}` : '';
  const res = await fetch(`${region.audit.url}/v1/export${q}`, {
    headers: { authorization: `Bearer ${region.audit.token}` },
  });
  if (!res.ok || !res.body) throw new Error(`export refused: ${res.status} ${await res.text()}`);
  await pipeline(
    Readable.fromWeb(res.body as never),
    values.out ? createWriteStream(values.out) : process.stdout,
  );
}

async function verify(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { trust: { type: 'string' }, region: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) throw new Error('usage: cwtch audit verify BUNDLE [--trust FILE | --region FILE]');
  await initCrypto();
  const trust = await loadTrust(values);
  const bar = process.stderr.isTTY ? progressBar(0) : undefined;
  const report = await verifyBundle(
    readBundleLines(file),
    trust,
    bar ? { onProgress: (done, total) => bar.update(done, total) } : {},
  );
  bar?.finish();
  process.stdout.write(formatReport(report));
  process.exitCode = report.ok ? 0 : 1;
}

async function discloseCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      key: { type: 'string' },
      trust: { type: 'string' },
      region: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || !values.id || !values.key)
    throw new Error('usage: cwtch audit disclose BUNDLE --id MESSAGE-ID --key CONTENT-KEY');
  await initCrypto();
  const cek = new Uint8Array(Buffer.from(values.key, 'base64url'));
  const d = await disclose(readBundleLines(file), { id: values.id, cek }, await loadTrust(values));
  process.stdout.write(
    `share ${d.header.id} (${d.header.kind}) from ${d.header.from.agency} to ${d.header.to.map((t) => t.agency).join(', ')}\n` +
      `matches log entry ${d.index} (signed by the sender, in the cosigned log); its content:\n` +
      `${JSON.stringify(JSON.parse(new TextDecoder().decode(d.plaintext)), null, 2)}\n`,
  );
}

/** `cwtch audit export|verify|disclose`: evidence bundles, checked offline with pinned keys only. */
export async function auditCommand(args: string[]): Promise<void> {
  const [verb, ...rest] = args;
  if (verb === 'export') return exportBundle(rest);
  if (verb === 'verify') return verify(rest);
  if (verb === 'disclose') return discloseCommand(rest);
  throw new Error('usage: cwtch audit export|verify|disclose ...');
}
