import { shareSubject } from '@cwtch/bus';
import { DEFAULT_MAX_ENVELOPE_BYTES } from '@cwtch/crypto';
import type { Directory } from '@cwtch/directory';
import { describe, expect, it } from 'vitest';
import { DEMO_AGENCIES, DEMO_AGREEMENTS } from './demo-region.ts';
import { agencyNatsPermissions, busLimitsFromEnv } from './nats-authorization.ts';

const directory = {
  agencies: DEMO_AGENCIES.map((a) => ({ ...a, keys: [] })),
  agreements: DEMO_AGREEMENTS,
} as unknown as Directory;
const shares = (agency: string) =>
  agencyNatsPermissions(directory, agency).publish.filter((s) => s.startsWith('cwtch.share.'));
const receipts = (agency: string) =>
  agencyNatsPermissions(directory, agency).publish.filter((s) => s.startsWith('cwtch.receipt.'));

describe('demo region NATS permissions', () => {
  it('lets hillside send only to the agencies its agreements name, and never with a wildcard', () => {
    expect(shares('hillside').sort()).toEqual(
      [
        // Across the border too: a Welsh secure home may hold a Dudley child.
        'dudley-cs',
        'north-wales-police',
        'npt-cs',
        'south-wales-police',
        'swansea-bay-health',
        'swansea-cs',
        'west-midlands-police',
        // Its monthly figures (de-identified) to the board.
        'wg-board',
        'wrexham-cs',
      ].map((to) => shareSubject(to, 'hillside')),
    );
    for (const agency of DEMO_AGENCIES.map((a) => a.id))
      expect(agencyNatsPermissions(directory, agency).publish.filter((s) => /^cwtch\..*\*/.test(s))).toEqual(
        [],
      );
  });

  it('gives the safeguarding board, which only receives figures, no share subject and receipts only to its reporters', () => {
    expect(shares('wg-board')).toEqual([]);
    const reporters = DEMO_AGENCIES.map((a) => a.id).filter((id) => id !== 'wg-board');
    expect(receipts('wg-board').sort()).toEqual(reporters.map((r) => `cwtch.receipt.${r}.wg-board`).sort());
  });

  it('lets an agency make statements only to agencies it shares with, either way', () => {
    expect(receipts('south-wales-police')).toContain('cwtch.receipt.hillside.south-wales-police');
    // Barnardo's and Hillside both send to the police, never to each other.
    expect(receipts('barnardos-cymru')).toContain('cwtch.receipt.south-wales-police.barnardos-cymru');
    expect(receipts('barnardos-cymru')).not.toContain('cwtch.receipt.hillside.barnardos-cymru');
  });
});

describe('busLimitsFromEnv', () => {
  it('reads positive whole numbers over the defaults, with the envelope limit of @cwtch/crypto', () => {
    const limits = busLimitsFromEnv({ CWTCH_BUS_MAX_MESSAGES_PER_PAIR: '3' });
    expect(limits.maxMessagesPerPair).toBe(3);
    expect(limits.maxEnvelopeBytes).toBe(DEFAULT_MAX_ENVELOPE_BYTES);
    expect(() => busLimitsFromEnv({ CWTCH_BUS_SHARES_MAX_BYTES: '-1' })).toThrow(
      /CWTCH_BUS_SHARES_MAX_BYTES/,
    );
  });
});
