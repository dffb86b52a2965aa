import { readFile } from 'node:fs/promises';
import { RegionFile } from '@cwtch/contracts';
import { type ConnectorClient, createConnectorClient } from '@cwtch/sdk';

/** Reads region.json and returns a client for `agency` with its token for `role`. */
export async function regionClient(
  regionFile: string,
  agency: string,
  role: 'system' | 'frontdoor' | 'manager' = 'system',
): Promise<ConnectorClient> {
  const region = RegionFile.parse(JSON.parse(await readFile(regionFile, 'utf8')));
  const a = region.agencies[agency];
  if (!a)
    throw new Error(
      `no agency "${agency}" in ${regionFile} (have: ${Object.keys(region.agencies).join(', ')})`,
    );
  return createConnectorClient({ baseUrl: a.connector, token: a.tokens[role] });
}
