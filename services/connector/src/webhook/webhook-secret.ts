import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OWNER_FILE_MODE } from '@cwtch/runtime';

/** The signing secret's file in the agency folder (never in git, never logged). */
export const WEBHOOK_SECRET_FILE = 'webhook-secret';

/**
 * This connector's webhook signing secret (`whsec_` + 32 random bytes in base64, the Standard
 * Webhooks form), generated into `agencyDir` at first start (0600) and read from there after.
 */
export async function loadWebhookSecret(agencyDir: string): Promise<string> {
  const file = join(agencyDir, WEBHOOK_SECRET_FILE);
  const secret = `whsec_${randomBytes(32).toString('base64')}\n`;
  // `wx`: a secret already there is kept, never overwritten.
  await writeFile(file, secret, { mode: OWNER_FILE_MODE, flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
  return (await readFile(file, 'utf8')).trim();
}
