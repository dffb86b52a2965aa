import type { EnvelopeHeader, ReceiptBody } from '@cwtch/contracts';
import { b64uEncode, sha256 } from '@cwtch/crypto';
import type { LoggedMessage, LoggedShares } from './check-event.ts';
import type { Entry } from './entries.ts';
import type { ShareIndex } from './share-index.ts';

const json = <T>(b64u: string) => JSON.parse(Buffer.from(b64u, 'base64url').toString('utf8')) as T;

/**
 * What the log will hold once the entries staged for the next atomic batches are stored: the
 * index (stored entries only) seen through the staged ones, so the next event is checked against
 * every entry before it, stored or not. Entries leave the stage once the index has them.
 */
export class StagedEntries implements LoggedShares {
  readonly #byId = new Map<string, Entry[]>();
  /** SHARES sequences staged, each with the promise of its entry being stored. */
  readonly #sources = new Map<number, Promise<unknown>>();
  readonly #serials = new Set<number>();

  private readonly index: ShareIndex;

  constructor(index: ShareIndex) {
    this.index = index;
  }

  stage(e: Entry, stored: Promise<unknown>): void {
    if ('src' in e) this.#sources.set(e.src.seq, stored);
    if (e.t === 'key') this.#serials.add(e.serial);
    const id = idOf(e);
    if (id !== undefined) this.#byId.set(id, [...(this.#byId.get(id) ?? []), e]);
  }

  /** Forgets a staged entry (stored and added to the index, or never to be stored). */
  unstage(e: Entry): void {
    if ('src' in e) this.#sources.delete(e.src.seq);
    if (e.t === 'key') this.#serials.delete(e.serial);
    const id = idOf(e);
    if (id === undefined) return;
    const rest = (this.#byId.get(id) ?? []).filter((x) => x !== e);
    if (rest.length > 0) this.#byId.set(id, rest);
    else this.#byId.delete(id);
  }

  /**
   * Whether the SHARES event at `seq` is logged: `stored` when the index has it, the promise of
   * its store when it is staged, `false` otherwise.
   */
  logged(seq: number): 'stored' | Promise<unknown> | false {
    if (this.index.logged(seq)) return 'stored';
    return this.#sources.get(seq) ?? false;
  }

  hasDirectory(serial: number): boolean {
    return this.#serials.has(serial) || this.index.hasDirectory(serial);
  }

  get(id: string): LoggedMessage | undefined {
    const base = this.index.get(id);
    const staged = this.#byId.get(id);
    if (!staged) return base;
    let message: LoggedMessage | undefined = base && {
      from: base.from,
      headerHash: base.headerHash,
      bodyHash: base.bodyHash,
      copies: base.copies,
      statements: base.statements,
    };
    for (const e of staged) {
      if (e.t === 'msg') {
        const to = e.src.subj.split('.')[2] ?? '';
        if (message) message = { ...message, copies: [...message.copies, { to }] };
        else {
          const headerBytes = Buffer.from(e.h, 'base64url');
          const h = JSON.parse(headerBytes.toString('utf8')) as EnvelopeHeader;
          const headerHash = b64uEncode(sha256(headerBytes));
          message = { from: h.from.agency, headerHash, bodyHash: e.b, copies: [{ to }], statements: [] };
        }
      } else if (e.t === 'rcpt' && message) {
        // Only receipts that checked against this same view are staged: each answers the share.
        const body = json<ReceiptBody>(e.r);
        const statement = { by: body.by.agency, to: body.to, status: body.status, reason: body.reason };
        message = { ...message, statements: [...message.statements, statement] };
      }
    }
    return message;
  }
}

function idOf(e: Entry): string | undefined {
  if (e.t === 'msg') return json<EnvelopeHeader>(e.h).id;
  if (e.t === 'rcpt') return json<ReceiptBody>(e.r).id;
  return undefined;
}
