import { initCrypto } from '@cwtch/crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { party } from './test-scenario.ts';
import { BundleBuilder, directoryOf, keysFor, type Party, T0 } from './test-support.ts';
import { verifyBundle } from './verify-bundle.ts';

let cs: Party;
let police: Party;
let wrexham: Party;
const NOW = T0 + 10 * 86_400_000;

beforeAll(async () => {
  await initCrypto();
  [cs, police, wrexham] = ['swansea-cs', 'swansea-police', 'wrexham-cs'].map(party) as [Party, Party, Party];
});

/** A log that starts with a directory of the three agencies (entry 0). */
function started(): BundleBuilder {
  const builder = new BundleBuilder();
  builder.keyStatement(directoryOf([cs, police, wrexham], 1));
  return builder;
}

/** The findings of a builder's bundle as `code@index`. */
async function findings(builder: BundleBuilder): Promise<string[]> {
  const report = await verifyBundle(builder.lines(), builder.trust(), { now: NOW, receiptGraceMs: 0 });
  return report.findings.map((f) => `${f.code}@${f.index ?? 'bundle'}`);
}

describe('shares and receipts across the log', () => {
  it('flags a second copy of the same (message id, recipient)', async () => {
    const b = started();
    const m = b.seal(cs, [police], 'once');
    b.share(m, police.agency);
    b.receipt(police, m);
    b.share(m, police.agency, false);
    expect(await findings(b)).toEqual(['DUPLICATE_SHARE@3']);
  });

  it('counts a share copy without a receipt (information), and flags a receipt naming no share', async () => {
    const b = started();
    const m = b.seal(cs, [police, wrexham], 'to two');
    b.share(m, police.agency);
    b.share(m, wrexham.agency);
    b.receipt(police, m);
    const unlogged = b.seal(wrexham, [cs], 'never logged');
    b.receipt(cs, unlogged);
    expect(await findings(b)).toEqual(['RECEIPT_ORPHAN@4']);
    const report = await verifyBundle(b.lines(), b.trust(), { now: NOW, receiptGraceMs: 0 });
    expect(report.summary.awaitingReceipt).toBe(1);
  });

  it('a recipient that never answers cannot make the log unverifiable', async () => {
    const b = started();
    for (let i = 0; i < 3; i += 1) b.share(b.seal(cs, [police], `unanswered ${i}`), police.agency);
    b.clock += 30 * 86_400_000;
    const report = await verifyBundle(b.lines(), b.trust(), { now: b.clock + 1, receiptGraceMs: 0 });
    expect(report.findings).toEqual([]);
    expect(report.summary.awaitingReceipt).toBe(3);
  });

  it('flags a receipt that disagrees with the share it names', async () => {
    const b = started();
    const m = b.seal(cs, [police], 'body');
    b.share(m, police.agency);
    b.receipt(police, { ...m, bodyHash: new Uint8Array(32) });
    expect(await findings(b)).toEqual(['RECEIPT_MISMATCH@2']);
  });

  it('flags a subject whose tokens do not match the header, and an expired copy its recipient accepted', async () => {
    const b = started();
    const m = b.seal(cs, [police], 'misrouted');
    b.share(m, cs.agency);
    b.receipt(police, m);
    const late = b.seal(police, [wrexham], 'late');
    b.clock += 2 * 86_400_000;
    b.share(late, wrexham.agency);
    b.receipt(wrexham, late);
    // The receipt is police's, but the copy was logged for cs: it names no logged copy.
    expect(await findings(b)).toEqual(['SUBJECT_MISMATCH@1', 'RECEIPT_ORPHAN@2', 'EXPIRED@4']);
  });

  it('an expired copy its recipient refused with a signed receipt is evidence, not a finding', async () => {
    const b = started();
    const late = b.seal(police, [wrexham], 'late');
    b.clock += 2 * 86_400_000;
    b.share(late, wrexham.agency);
    b.receipt(wrexham, late, 'rejected');
    expect(await findings(b)).toEqual([]);
  });
});

describe('statements between the parties (docs/protocol.md §7)', () => {
  it('accepts a handover, an outcome, a recall and its proof of deletion in order', async () => {
    const b = started();
    const m = b.seal(cs, [police], 'handover');
    b.share(m, police.agency);
    b.receipt(police, m);
    b.receipt(police, m, 'accepted');
    b.receipt(police, m, 'actioned', { reason: 'CHILD_LOCATED' });
    b.receipt(cs, m, 'recalled', { to: police.agency, reason: 'MISDIRECTED' });
    b.receipt(police, m, 'deleted');
    expect(await findings(b)).toEqual([]);
  });

  it('accepts the sender’s embargoes, set, moved and lifted, before and after a recall', async () => {
    const b = started();
    const m = b.seal(cs, [police], 'embargoed');
    b.share(m, police.agency);
    const owner = { to: police.agency, reason: 'CRIMINAL_INVESTIGATION', actor: 'DS Rhys Morgan' };
    b.receipt(cs, m, 'embargoed', { ...owner, until: b.clock + 86_400_000 });
    b.receipt(police, m);
    b.receipt(cs, m, 'embargoed', { ...owner, until: b.clock + 30 * 86_400_000 });
    b.receipt(cs, m, 'recalled', { to: police.agency, reason: 'MISDIRECTED' });
    b.receipt(police, m, 'deleted');
    b.receipt(cs, m, 'embargoed', { ...owner, until: b.clock });
    expect(await findings(b)).toEqual([]);
  });

  it('flags a statement out of order, and a recall by someone who is not the sender', async () => {
    const b = started();
    const m = b.seal(cs, [police], 'too soon');
    b.share(m, police.agency);
    b.receipt(police, m, 'acknowledged');
    b.receipt(police, m, 'deleted');
    b.receipt(wrexham, m, 'recalled', { to: police.agency, reason: 'MISDIRECTED' });
    expect(await findings(b)).toEqual([
      'RECEIPT_OUT_OF_ORDER@2',
      'RECEIPT_OUT_OF_ORDER@3',
      'RECEIPT_ORPHAN@4',
    ]);
  });
});

describe('signatures against the directory of their point in the log', () => {
  it('flags a share signed with a key the final directory revokes at or before its bus time', async () => {
    const b = started();
    const before = b.seal(cs, [police], 'before the compromise');
    b.share(before, police.agency);
    b.receipt(police, before);
    const after = b.seal(cs, [police], 'after the compromise, before its declaration');
    const compromisedAt = b.clock;
    b.share(after, police.agency);
    b.receipt(police, after);
    b.keyStatement(directoryOf([cs, police, wrexham], 2, [{ agency: cs.agency, revokedAt: compromisedAt }]));
    const declared = b.seal(cs, [police], 'after the declaration');
    b.share(declared, police.agency);
    b.receipt(police, declared);
    expect(await findings(b)).toEqual(['SIGNED_AFTER_COMPROMISE@3', 'SENDER_KEY_REVOKED@6']);
  });

  it('needs a directory before the first share, and a sender key in it', async () => {
    const b = new BundleBuilder();
    const m = b.seal(cs, [police], 'too early');
    b.share(m, police.agency);
    b.receipt(police, m);
    b.keyStatement(directoryOf([police, wrexham], 1));
    const unknown = b.seal(cs, [police], 'unknown sender');
    b.share(unknown, police.agency);
    b.receipt(police, unknown);
    expect(await findings(b)).toEqual(['NO_DIRECTORY@0', 'NO_DIRECTORY@1', 'SENDER_KEY_UNKNOWN@3']);
  });

  it('refuses key statements not signed by the governance key, and serials that do not increase', async () => {
    const b = started();
    const { kid, publicKey, secretKey } = keysFor('rogue governance').signing;
    b.keyStatement(directoryOf([cs, police, wrexham], 2), { kid, publicKey, secretKey });
    b.keyStatement(directoryOf([cs, police, wrexham], 3), b.governance, 4);
    b.keyStatement(directoryOf([cs, police], 2));
    const report = await verifyBundle(b.lines(), b.trust(), { now: NOW });
    expect(report.findings.map((f) => `${f.code}@${f.index}`)).toEqual([
      'DIRECTORY_SIGNATURE_INVALID@1',
      'KEY_SERIAL_INVALID@2',
      'KEY_SERIAL_INVALID@3',
    ]);
    expect(report.summary).toMatchObject({ directoryStatements: 4, directorySerial: 3 });
  });
});

describe('receipts still in flight when the bundle was cut', () => {
  it('are counted as awaiting, never reported', async () => {
    const b = started();
    const m = b.seal(cs, [police], 'just sent');
    b.share(m, police.agency);
    const graced = await verifyBundle(b.lines(), b.trust(), { now: NOW });
    expect(graced.findings).toEqual([]);
    expect(graced.summary.awaitingReceipt).toBe(1);
    expect(await findings(b)).toEqual([]);
  });
});

describe('a receipt logged before its share, near the cut', () => {
  it('is awaiting its share within the grace period, an orphan after it', async () => {
    const b = started();
    const m = b.seal(cs, [police], 'share logged after the cut');
    b.receipt(police, m);
    const graced = await verifyBundle(b.lines(), b.trust(), { now: NOW });
    expect(graced.findings.map((f) => f.code)).not.toContain('RECEIPT_ORPHAN');
    expect(await findings(b)).toContain('RECEIPT_ORPHAN@1');
  });
});
