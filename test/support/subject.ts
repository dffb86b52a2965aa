import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type KindName, kinds } from '@cwtch/contracts';
import { subjectReference } from '@cwtch/crypto';
import type { RunningRegion } from './region.ts';

/** The region's subject key (the one every connector holds), from its data folder. */
export async function regionSubjectKey(run: RunningRegion): Promise<Uint8Array> {
  const text = await readFile(join(run.dataDir, 'secrets', 'subject.key'), 'utf8');
  return new Uint8Array(Buffer.from(text.trim(), 'base64url'));
}

/** The subject reference a connector of `run` puts in the header of a `kind` share about `payload`. */
export async function subjectReferenceIn(
  run: RunningRegion,
  kind: KindName,
  payload: unknown,
): Promise<string | null> {
  const identifier = kinds[kind].subjectIdentifier(payload);
  return identifier ? subjectReference(await regionSubjectKey(run), identifier) : null;
}
