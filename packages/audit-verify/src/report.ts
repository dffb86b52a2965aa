import type { Finding } from './finding.ts';

/** A `reject` entry: an envelope or receipt the audit service refused. Information, not a finding. */
export interface Rejection {
  readonly index: number;
  /** The error code of the check that failed. */
  readonly reason: string;
  readonly subject: string;
  /** Message id and agency, only when a signature vouches for them (the sender, or a receipt's signer). */
  readonly id: string | null;
  readonly from: string | null;
}

/** Counts and roots of a verification run. */
export interface VerifySummary {
  /** The log origin the bundle header names. */
  readonly origin: string | null;
  /** Tree size of the checkpoint, when it parsed. */
  readonly checkpointSize: number | null;
  /** Entry lines read. */
  readonly entries: number;
  readonly shares: number;
  readonly receipts: number;
  readonly rejections: number;
  /** Share copies with no receipt from their recipient in the bundle (information, not findings). */
  readonly awaitingReceipt: number;
  readonly directoryStatements: number;
  /** Serial of the final directory (the last verified key statement), if any. */
  readonly directorySerial: number | null;
  /** Retained envelope lines read. */
  readonly envelopes: number;
  readonly logSignatureValid: boolean;
  readonly cosignatures: { readonly valid: number; readonly required: number };
  /** Root recomputed over the entry lines (standard base64), null before any header. */
  readonly root: string | null;
  /** Root the checkpoint states (standard base64). */
  readonly checkpointRoot: string | null;
}

/**
 * The outcome of {@link verifyBundle}: `ok` exactly when there is no finding. `findings` keeps
 * at most a thousand of each code (in entry order); `findingCount` and `findingCounts` count all.
 */
export interface VerifyReport {
  readonly ok: boolean;
  readonly verdict: 'VERIFIED' | 'FINDINGS';
  readonly summary: VerifySummary;
  readonly findings: readonly Finding[];
  readonly findingCount: number;
  readonly findingCounts: Readonly<Record<string, number>>;
  /** Rejected events the log records (the first thousand), in log order. */
  readonly rejections: readonly Rejection[];
  /** The verifier's clock for the time checks, ms since the epoch. */
  readonly checkedAt: number;
}

/** The checks {@link verifyBundle} runs, in the words {@link formatReport} prints. */
export const CHECKS: readonly string[] = [
  'bundle header and trust file shape',
  'checkpoint log signature with the pinned log key and origin',
  'witness cosignatures from pinned witnesses against the quorum',
  'every entry present once, in order, with its own index',
  'every entry a valid AuditEntry (strict base64, UTF-8 JSON, schema)',
  'Merkle root over all entries equals the checkpoint root; count equals its size',
  'audit times in order, bus time before audit time, stream sequences increasing',
  'key statements signed by the governance key, serials increasing',
  'shares: sender signature with the directory of that point, at bus time; subject tokens; time policy',
  'receipts: recipient signature likewise; subject tokens; linked to their share',
  'signatures by keys the final directory revokes at or before their bus time',
  'duplicate (message id, recipient) copies; copies without a receipt; receipts without a share',
  'retained envelopes match a logged share',
];
