import { CwtchError, ErrorCode } from '@cwtch/runtime';

/**
 * The opaque cursor of `GET /v1/inbox?after=CURSOR`: base64url of an inbox row's storage
 * position. Clients keep it and send it back; they do not read it. An empty cursor is the start.
 */
export function encodeInboxCursor(position: number): string {
  return Buffer.from(`i${position}`).toString('base64url');
}

/** The position a cursor names; an unreadable cursor is a 400, never "from the start". */
export function decodeInboxCursor(cursor: string): number {
  if (cursor === '') return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^i(0|[1-9][0-9]{0,15})$/.exec(text);
  if (!m || encodeInboxCursor(Number(m[1])) !== cursor)
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'after is not a cursor this inbox gave out');
  return Number(m[1]);
}
