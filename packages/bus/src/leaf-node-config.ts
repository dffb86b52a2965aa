import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderTemplate } from './nats-server.ts';

/** The agency-side leaf node template (infra/nats/leaf-node.conf.tmpl). */
const LEAF_NODE_TEMPLATE = fileURLToPath(new URL('../../../infra/nats/leaf-node.conf.tmpl', import.meta.url));

/** What an agency's leaf node is written with. */
export interface LeafNodeConfig {
  /** Its folder: configuration, credentials include and JetStream store. */
  readonly dataDir: string;
  readonly serverName: string;
  readonly port: number;
  readonly monitorPort: number;
  /** JetStream domain of the leaf's outbox. */
  readonly domain: string;
  /** The region's leaf-node listeners (`nats-leaf://` or `tls://` URLs), one to three. */
  readonly hubUrls: readonly string[];
  /** Mutual TLS to the region: the CA its certificate is checked against, and the leaf's own. */
  readonly tls: { readonly caFile: string; readonly certFile: string; readonly keyFile: string };
  /** The agency's nkey seed (the leaf authenticates as the agency's user). */
  readonly nkeySeed: string;
  /** The local clients' `authorization { ... }` block. */
  readonly authorization: string;
}

/**
 * Writes an agency's leaf-node configuration from the project's template into its folder (the
 * nkey seed in a 0600 include beside it) and returns the configuration file.
 */
export async function writeLeafNodeConfig(config: LeafNodeConfig): Promise<string> {
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const credentials = join(config.dataDir, 'leaf-credentials.conf');
  await writeFile(credentials, `nkey: ${JSON.stringify(config.nkeySeed.trim())}\n`, { mode: 0o600 });
  const urls = config.hubUrls.slice(0, 3);
  if (urls.length === 0) throw new Error('a leaf node needs at least one hub URL');
  const conf = renderTemplate(await readFile(LEAF_NODE_TEMPLATE, 'utf8'), {
    SERVER_NAME: config.serverName,
    CLIENT_PORT: String(config.port),
    MONITOR_PORT: String(config.monitorPort),
    STORE_DIR: config.dataDir,
    JS_DOMAIN: config.domain,
    // The template lists three hub URLs: fewer nodes repeat the last one.
    HUB_URL_1: urls[0]!,
    HUB_URL_2: urls[1] ?? urls.at(-1)!,
    HUB_URL_3: urls[2] ?? urls.at(-1)!,
    HUB_CA: config.tls.caFile,
    LEAF_CERT: config.tls.certFile,
    LEAF_KEY: config.tls.keyFile,
    LEAF_CREDENTIALS_FILE: 'leaf-credentials.conf',
    LOCAL_AUTHORIZATION_BLOCK: config.authorization,
  });
  const file = join(config.dataDir, 'nats-server.conf');
  await writeFile(file, `# Written by Cwtch from infra/nats/leaf-node.conf.tmpl at each start.\n${conf}`, {
    mode: 0o600,
  });
  return file;
}
