import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createConnectorClient } from '@cwtch/sdk';
import { cwtch } from '../support/cli.ts';
import { eventually, type RunningRegion } from '../support/region.ts';

/** The connector SDK as `agency` with one of its demo tokens. */
export function clientOf(run: RunningRegion, agency: string, role: 'system' | 'frontdoor' | 'manager' = 'system') {
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
      return (JSON.parse(text.slice(0, text.indexOf('\n'))) as { size: number }).size >= size ? text : undefined;
    },
    60_000,
    'an export with a cosigned checkpoint covering the log',
  );
  await writeFile(file, bundle);
  const res = await cwtch(['audit', 'verify', file, '--region', regionFile]);
  return { ...res, bundle };
}
