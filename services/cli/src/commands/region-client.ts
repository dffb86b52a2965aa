import { readFile } from 'node:fs/promises';
import { type ConnectorClient, createConnectorClient } from '@cwtch/sdk';
import type { RegionJson } from './dev.ts';

/** Reads region.json and returns a client for `agency` with its token for `role`. */
export async function regionClient(regionFile: string, agency: string, role: 'system' | 'frontdoor' | 'manager' = 'system'): Promise<ConnectorClient> {
  const region = JSON.parse(await readFile(regionFile, 'utf8')) as RegionJson;
  const a = region.agencies[agency];
  if (!a) throw new Error(`no agency "${agency}" in ${regionFile} (have: ${Object.keys(region.agencies).join(', ')})`);
  return createConnectorClient({ baseUrl: a.connector, token: a.tokens[role] });
}
