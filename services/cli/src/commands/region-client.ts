import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RegionFile } from '@cwtch/contracts';
import { type ConnectorClient, createConnectorClient } from '@cwtch/sdk';
import { fetchReaching, UsageError } from '../cli-errors.ts';

/** The default region.json: the one `cwtch dev` writes in its default data folder. */
export const DEFAULT_REGION_FILE = '.cwtch/dev/region.json';

/** The region.json a command means: `--region FILE`, else `--data DIR`'s, else the default. */
export function regionPath(values: { region?: string | undefined; data?: string | undefined }): string {
  return values.region ?? (values.data ? join(values.data, 'region.json') : DEFAULT_REGION_FILE);
}

/** Reads a JSON file, naming it when it is not JSON. */
export async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Reads and checks a region.json. */
export async function loadRegion(file: string): Promise<RegionFile> {
  const parsed = RegionFile.safeParse(await readJson(file));
  if (!parsed.success) throw new UsageError(`${file} is not a region.json written by cwtch dev`);
  return parsed.data;
}

/** Refuses agency ids the region does not have, listing the ones it has. */
export function checkAgencies(
  region: RegionFile,
  regionFile: string,
  ids: readonly string[],
  /** Also accept the agencies other regions have admitted here (recipients, not senders). */
  acrossBorder = false,
): void {
  const admitted = new Set(
    acrossBorder ? Object.values(region.federation?.pins ?? {}).flatMap((p) => p.agencies) : [],
  );
  const unknown = ids.filter((id) => !region.agencies[id] && !admitted.has(id));
  if (unknown.length === 0) return;
  throw new UsageError(
    `no agency ${unknown.map((u) => `"${u}"`).join(', ')} in ${regionFile}; the agencies are: ${[...Object.keys(region.agencies), ...admitted].join(', ')}`,
  );
}

/** A client for `agency`'s connector with its token for `role`; a refused connection names the URL. */
export function agencyClient(
  region: RegionFile,
  regionFile: string,
  agency: string,
  role: 'system' | 'frontdoor' | 'manager' = 'system',
): ConnectorClient {
  checkAgencies(region, regionFile, [agency]);
  const a = region.agencies[agency]!;
  return createConnectorClient({
    baseUrl: a.connector,
    token: a.tokens[role],
    fetch: fetchReaching(a.connector, `${agency} connector`),
  });
}

/** Reads region.json and returns a client for `agency` with its token for `role`. */
export async function regionClient(
  regionFile: string,
  agency: string,
  role: 'system' | 'frontdoor' | 'manager' = 'system',
): Promise<ConnectorClient> {
  return agencyClient(await loadRegion(regionFile), regionFile, agency, role);
}
