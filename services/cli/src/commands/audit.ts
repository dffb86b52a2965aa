import { createWriteStream, existsSync } from 'node:fs';
import { access, stat } from 'node:fs/promises';
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
import { initCrypto } from '@cwtch/crypto';
import { joinDashValues } from '../cli-args.ts';
import { fetchReaching, UsageError } from '../cli-errors.ts';
import { loadRegion, readJson, regionPath } from './region-client.ts';

/** The pinned keys: a trust file, or the `trust` block of a region.json. */
async function loadTrust(values: {
  trust?: string | undefined;
  region?: string | undefined;
}): Promise<Trust> {
  const pinned = (value: unknown, source: string): Trust => {
    const parsed = Trust.safeParse(value);
    if (parsed.success) return parsed.data;
    const wrong = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new UsageError(`the pinned keys in ${source} are not usable: ${[...new Set(wrong)].join('; ')}`);
  };
  if (values.trust) return pinned(await readJson(values.trust), values.trust);
  const file = values.region ?? '.cwtch/dev/region.json';
  if (!existsSync(file)) throw new UsageError('pass --trust FILE (pinned keys) or --region FILE');
  const t = (await loadRegion(file)).trust;
  return pinned(
    {
      governanceKey: t.governanceKey,
      logKey: t.logKey,
      logOrigin: t.logOrigin,
      witnesses: t.witnesses ?? [],
      quorum: t.quorum ?? 0,
    },
    file,
  );
}

/**
 * Where `audit export` writes: the --out file, or standard output unless that is a terminal (a
 * bundle is thousands of lines of base64 meant for `audit verify`, not for reading).
 */
export function exportTarget(out: string | undefined, stdoutIsTTY: boolean): 'file' | 'stdout' {
  if (out) return 'file';
  if (stdoutIsTTY)
    throw new UsageError(
      'audit export writes an evidence bundle (JSON lines for cwtch audit verify); ' +
        'pass --out BUNDLE, or redirect it: cwtch audit export > bundle.jsonl',
    );
  return 'stdout';
}

async function exportBundle(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      region: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      quorum: { type: 'string' },
    },
  });
  const target = exportTarget(values.out, process.stdout.isTTY === true);
  const region = await loadRegion(regionPath(values));
  const q = values.quorum ? `?quorum=${Number(values.quorum)}` : '';
  const res = await fetchReaching(region.audit.url, 'audit service')(`${region.audit.url}/v1/export${q}`, {
    headers: { authorization: `Bearer ${region.audit.token}` },
  });
  if (!res.ok || !res.body) throw new Error(`export refused: ${res.status} ${await res.text()}`);
  const out = values.out && target === 'file' ? createWriteStream(values.out) : process.stdout;
  await pipeline(Readable.fromWeb(res.body as never), out);
  if (values.out) {
    const { size } = await stat(values.out);
    process.stderr.write(
      `wrote the evidence bundle to ${values.out} (${size} bytes); check it with cwtch audit verify ${values.out}\n`,
    );
  }
}

async function verify(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { trust: { type: 'string' }, region: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('usage: cwtch audit verify BUNDLE [--trust FILE | --region FILE]');
  await access(file);
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

const DISCLOSE_OPTIONS = {
  id: { type: 'string' },
  key: { type: 'string' },
  trust: { type: 'string' },
  region: { type: 'string' },
} as const;

async function discloseCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    // A message id and a content key are base64url: either may begin with a dash.
    args: joinDashValues(args, ['id', 'key'], Object.keys(DISCLOSE_OPTIONS)),
    allowPositionals: true,
    options: DISCLOSE_OPTIONS,
  });
  const file = positionals[0];
  if (!file || !values.id || !values.key)
    throw new UsageError('usage: cwtch audit disclose BUNDLE --id MESSAGE-ID --key CONTENT-KEY');
  await access(file);
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
  throw new UsageError(
    `${verb ? `unknown audit command "${verb}"; ` : ''}usage: cwtch audit export|verify|disclose ... (cwtch audit --help)`,
  );
}
