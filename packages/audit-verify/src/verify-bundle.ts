import { availableParallelism } from 'node:os';
import { initCrypto } from '@cwtch/crypto';
import { BUNDLE_TYPE, type BundleHeader, classifyLine, parseHeaderLine } from './bundle-lines.ts';
import { type CheckpointOutcome, checkCheckpoint } from './check-checkpoint.ts';
import { EntryPipeline } from './entry-pipeline.ts';
import { EntryVerifier } from './entry-verifier.ts';
import { FindingCode, FindingSink } from './finding.ts';
import type { VerifyReport } from './report.ts';
import { SignatureChecks } from './signature-checks.ts';
import { SignaturePool } from './signature-pool.ts';
import { decodeTrust, type Trust } from './trust.ts';

/** Options of {@link verifyBundle}. */
export interface VerifyBundleOptions {
  /** Called every 1,024 entries and once at the end with entries read and the expected total. */
  onProgress?(done: number, total: number): void;
  /** The verifier's clock for the time checks, ms since the epoch (default `Date.now()`). */
  readonly now?: number;
  /** Tolerance of the time checks, ms (default 2 minutes). */
  readonly skewMs?: number;
  /**
   * Checks only the checkpoint (signature, cosignatures), entry order and count, and the root:
   * no entry is parsed and no share, receipt or key statement is verified. Much faster; a bundle
   * that passes is the log the witnesses saw, not yet a log whose contents were checked.
   */
  readonly rootOnly?: boolean;
  /**
   * A receipt signed within this many ms of the bundle's last entry whose share is not in the
   * bundle is counted as awaiting its share, not reported as RECEIPT_ORPHAN (default 60 s).
   */
  readonly receiptGraceMs?: number;
  /**
   * Worker threads for the Ed25519 checks; 0 checks on this thread. Default: one per available
   * core when the checkpoint counts at least 4,096 entries, else none (starting workers costs more).
   */
  readonly workers?: number;
}

const PROGRESS_EVERY = 1024;
const WORKERS_FROM_SIZE = 4096;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * Verifies an audit bundle offline, streaming (reference §3.4): the checkpoint's log signature and
 * witness cosignatures against the pinned keys; every entry present once and in order; the Merkle
 * root over all entries against the checkpoint; each entry's schema; key statements with the
 * governance key; each share's and receipt's signature with the directory as it stood at that
 * point of the log, judged at bus time; signatures by keys the final directory revokes before their
 * bus time; duplicate copies, copies without receipts, receipts without shares. Every failure is a
 * finding naming its entry; `reject` entries are listed as information. Holds one entry at a time,
 * a Merkle frontier, and a few short strings per message.
 *
 * @example
 * ```ts
 * const trust = Trust.parse(JSON.parse(await readFile('trust.json', 'utf8')));
 * const report = await verifyBundle(readBundleLines('audit.jsonl'), trust, { onProgress: progressBar() });
 * process.stdout.write(formatReport(report));
 * process.exitCode = report.ok ? 0 : 1;
 * ```
 */
export async function verifyBundle(
  lines: AsyncIterable<string> | Iterable<string>,
  trust: Trust,
  options: VerifyBundleOptions = {},
): Promise<VerifyReport> {
  await initCrypto();
  const now = options.now ?? Date.now();
  const skewMs = options.skewMs ?? 120_000;
  const sink = new FindingSink();
  const keys = decodeTrust(trust);
  if (!keys.ok) {
    sink.add(null, FindingCode.TRUST_INVALID, keys.message);
    return buildReport(sink, now, undefined, undefined, undefined);
  }
  let pool: SignaturePool | undefined;
  try {
    let header: BundleHeader | undefined;
    let outcome: CheckpointOutcome | undefined;
    let verifier: EntryVerifier | undefined;
    let pipeline: EntryPipeline | undefined;
    let lineNumber = 0;
    for await (const text of lines) {
      lineNumber += 1;
      if (text.trim() === '') continue;
      if (verifier === undefined) {
        header = parseHeaderLine(text);
        if (header === undefined) {
          sink.add(null, FindingCode.HEADER_INVALID, `line ${lineNumber} is not a ${BUNDLE_TYPE} header`);
          return buildReport(sink, now, undefined, undefined, undefined);
        }
        if (header.exportedAt > now + skewMs) {
          sink.add(null, FindingCode.TIME_IN_FUTURE, 'the bundle is dated after the verifier’s clock');
        }
        outcome = checkCheckpoint(header, keys.value, now, skewMs, sink);
        const size = outcome.checkpoint?.size ?? header.size;
        const { governanceKey } = keys.value;
        const rootOnly = options.rootOnly === true;
        const workers = options.workers ?? (size >= WORKERS_FROM_SIZE ? availableParallelism() : 0);
        pool = rootOnly || workers <= 0 ? undefined : new SignaturePool(workers);
        const checks = pool === undefined ? undefined : new SignatureChecks(pool);
        const current: EntryVerifier = new EntryVerifier({
          size,
          governanceKey,
          now,
          skewMs,
          sink,
          rootOnly,
          receiptGraceMs: options.receiptGraceMs ?? 60_000,
          ...(checks === undefined ? {} : { checkSignature: checks.check }),
        });
        verifier = current;
        pipeline = new EntryPipeline(current, checks, () => {
          const done = current.counts.entries;
          if (done % PROGRESS_EVERY === 0) options.onProgress?.(done, header?.size ?? done);
        });
        continue;
      }
      const line = classifyLine(text);
      if (line.kind === 'entry') {
        await pipeline?.push(line.line);
        continue;
      }
      await pipeline?.flush();
      if (line.kind === 'envelope') {
        verifier.envelope(line.seq, line.b, lineNumber);
      } else {
        sink.add(null, FindingCode.LINE_INVALID, `line ${lineNumber}: ${line.message}`);
      }
    }
    if (verifier === undefined) {
      sink.add(null, FindingCode.HEADER_INVALID, 'the bundle is empty');
      return buildReport(sink, now, undefined, undefined, undefined);
    }
    await pipeline?.flush();
    verifier.finish();
    options.onProgress?.(verifier.counts.entries, header?.size ?? verifier.counts.entries);
    const checkpoint = outcome?.checkpoint;
    if (checkpoint !== undefined) {
      if (verifier.counts.entries !== checkpoint.size) {
        sink.add(
          null,
          FindingCode.SIZE_MISMATCH,
          `the bundle has ${verifier.counts.entries} entry lines, the checkpoint size is ${checkpoint.size}`,
        );
      }
      if (b64(verifier.frontier.root()) !== b64(checkpoint.root)) {
        sink.add(
          null,
          FindingCode.ROOT_MISMATCH,
          `the root over ${verifier.frontier.size} entries differs from the checkpoint root`,
        );
      }
    }
    return buildReport(sink, now, header, outcome, verifier);
  } finally {
    await pool?.close();
  }
}

function buildReport(
  sink: FindingSink,
  now: number,
  header: BundleHeader | undefined,
  outcome: CheckpointOutcome | undefined,
  verifier: EntryVerifier | undefined,
): VerifyReport {
  const counts = verifier?.counts ?? {
    entries: 0,
    shares: 0,
    receipts: 0,
    rejections: 0,
    envelopes: 0,
    awaitingReceipt: 0,
  };
  const findingCount = sink.total;
  return {
    ok: findingCount === 0,
    verdict: findingCount === 0 ? 'VERIFIED' : 'FINDINGS',
    summary: {
      origin: header?.origin ?? null,
      checkpointSize: outcome?.checkpoint?.size ?? null,
      entries: counts.entries,
      shares: counts.shares,
      receipts: counts.receipts,
      rejections: counts.rejections,
      awaitingReceipt: counts.awaitingReceipt,
      directoryStatements: verifier?.directory.statements ?? 0,
      directorySerial: verifier?.directory.current?.serial ?? null,
      envelopes: counts.envelopes,
      logSignatureValid: outcome?.logSignatureValid ?? false,
      cosignatures: { valid: outcome?.cosignaturesValid ?? 0, required: outcome?.cosignaturesRequired ?? 0 },
      root: verifier === undefined ? null : b64(verifier.frontier.root()),
      checkpointRoot: outcome?.checkpoint === undefined ? null : b64(outcome.checkpoint.root),
    },
    findings: sink.findings(),
    findingCount,
    findingCounts: sink.counts(),
    rejections: verifier?.rejections ?? [],
    checkedAt: now,
  };
}
