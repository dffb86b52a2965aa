import { type ReceiptBody, type Statement, statementOrderIssue } from '@cwtch/contracts';
import { ErrorCode } from '@cwtch/runtime';
import { FindingCode, type FindingSink } from './finding.ts';

/** One logged copy of a message, for one recipient. */
interface Copy {
  readonly to: string;
  readonly index: number;
  readonly seq: number;
  receipted: boolean;
  readonly ts: number;
  /** The envelope had expired when the bus stored this copy: its recipient must refuse it. */
  readonly expired: boolean;
}

/** A message id as first logged: sender, header hash, body hash, and its copies. */
interface Message {
  readonly from: string;
  readonly hh: string;
  readonly b: string;
  readonly index: number;
  readonly copies: Copy[];
  /** Statements between its parties linked so far, in log order. */
  readonly statements: Statement[];
}

/** What a share entry contributes: message id, sender, recipient copy, hashes (base64url). */
export interface ShareFacts {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** base64url SHA-256 of the header bytes, as receipts carry it. */
  readonly hh: string;
  readonly b: string;
  readonly seq: number;
  /** Audit time of the share's entry. */
  readonly ts: number;
  /** The header's `exp` was already past at the copy's bus time. */
  readonly expired: boolean;
}

/**
 * Cross-entry bookkeeping of shares and receipts: duplicate `(message id, recipient)` copies,
 * receipts that name no logged share or disagree with it (the audit service links every receipt
 * to its share before logging it, so either is a flaw of the log), a copy accepted although it had
 * expired on the bus, and copies with no receipt yet (counted, not reported: a recipient that is
 * down or silent is an operational fact the connectors escalate, not a flaw of the log).
 * Keeps two short strings and a few numbers per message, no entry bytes.
 */
export class ShareLedger {
  readonly #messages = new Map<string, Message>();
  #pending: { readonly index: number; readonly body: ReceiptBody }[] = [];

  /** Records a logged share copy at leaf `index`. */
  addShare(index: number, share: ShareFacts, sink: FindingSink): void {
    let message = this.#messages.get(share.id);
    if (message === undefined) {
      message = { from: share.from, hh: share.hh, b: share.b, index, copies: [], statements: [] };
      this.#messages.set(share.id, message);
    } else if (message.hh !== share.hh || message.b !== share.b) {
      sink.add(
        index,
        FindingCode.DUPLICATE_SHARE,
        `message ${share.id} was logged at entry ${message.index} with a different header or body`,
      );
    }
    const first = message.copies.find((c) => c.to === share.to);
    if (first !== undefined) {
      sink.add(
        index,
        FindingCode.DUPLICATE_SHARE,
        `message ${share.id} for ${share.to} was already logged at entry ${first.index}`,
      );
      return;
    }
    message.copies.push({
      to: share.to,
      index,
      seq: share.seq,
      ts: share.ts,
      receipted: false,
      expired: share.expired,
    });
  }

  /** Records a verified receipt at leaf `index`; links it now or once its share appears. */
  addReceipt(index: number, body: ReceiptBody, sink: FindingSink): void {
    if (!this.#link(index, body, sink)) this.#pending.push({ index, body });
  }

  /**
   * The leaf index of the copy a retained envelope belongs to, or a reason it matches none:
   * same message id, header hash and body hash, and a copy logged from that stream sequence.
   */
  matchEnvelope(seq: number, id: string, hh: string, b: string): number | string {
    const message = this.#messages.get(id);
    if (message === undefined) return `no share of message ${id} is logged`;
    if (message.hh !== hh || message.b !== b)
      return `differs from the share logged at entry ${message.index}`;
    const copy = message.copies.find((c) => c.seq === seq);
    return copy === undefined
      ? `no copy of message ${id} was logged from stream sequence ${seq}`
      : copy.index;
  }

  /**
   * Reports receipts that name no share, and returns the number of share copies without a
   * receipt. A receipt signed after `awaitingAfter` (audit time) whose share was logged after the
   * cut is counted among them too (a log written before receipts were linked on entry may hold a
   * receipt before its share).
   */
  finish(sink: FindingSink, awaitingAfter = Number.POSITIVE_INFINITY): number {
    let awaiting = 0;
    for (const { index, body } of this.#pending) {
      if (!this.#link(index, body, sink)) {
        if (body.at > awaitingAfter) {
          awaiting += 1;
          continue;
        }
        sink.add(
          index,
          FindingCode.RECEIPT_ORPHAN,
          `receipt from ${body.by.agency} names message ${body.id}, which was not logged for it`,
        );
      }
    }
    this.#pending = [];
    for (const message of this.#messages.values()) {
      for (const copy of message.copies) if (!copy.receipted) awaiting += 1;
    }
    return awaiting;
  }

  #link(index: number, body: ReceiptBody, sink: FindingSink): boolean {
    const message = this.#messages.get(body.id);
    if (message === undefined) return false;
    const statement: Statement = {
      by: body.by.agency,
      to: body.to,
      status: body.status,
      reason: body.reason,
    };
    const share = { from: message.from, recipients: message.copies.map((c) => c.to) };
    const issue = statementOrderIssue(share, message.statements, statement);
    // Not (yet) between the share's parties: it may await a copy logged later, else it is an orphan.
    if (issue?.kind === 'unlinked') return false;
    const copy = message.copies.find(
      (c) => c.to === (statement.by === message.from ? statement.to : statement.by),
    );
    if (message.hh !== body.hh || message.b !== body.b) {
      sink.add(
        index,
        FindingCode.RECEIPT_MISMATCH,
        `receipt for message ${body.id} does not match the share at entry ${copy?.index ?? message.index}`,
      );
      return true;
    }
    message.statements.push(statement);
    if (statement.by !== message.from && copy) copy.receipted = true;
    if (issue) {
      sink.add(
        index,
        ErrorCode.RECEIPT_OUT_OF_ORDER,
        `${body.by.agency}'s ${body.status} for message ${body.id}: ${issue.message}`,
      );
    } else if (copy?.expired && statement.by !== message.from && body.status !== 'rejected') {
      sink.add(
        index,
        ErrorCode.EXPIRED,
        `${body.by.agency} receipted message ${body.id} as ${body.status}, but it had expired when the bus stored it`,
      );
    }
    return true;
  }
}
