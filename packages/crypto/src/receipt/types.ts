import type { ReceiptBody } from '@cwtch/contracts';

/** A receipt that passed the structural checks of `parseReceipt` (signature not yet checked). */
export interface ParsedReceipt {
  /** The receipt bytes as received. */
  readonly bytes: Uint8Array;
  readonly body: ReceiptBody;
  /** `R`: the exact signed body bytes. */
  readonly bodyBytes: Uint8Array;
  /** 64-byte Ed25519 signature. */
  readonly signature: Uint8Array;
}

declare const verifiedReceipt: unique symbol;

/** A parsed receipt whose signature `verifyReceipt` checked. */
export interface VerifiedReceipt extends ParsedReceipt {
  readonly [verifiedReceipt]: true;
}
