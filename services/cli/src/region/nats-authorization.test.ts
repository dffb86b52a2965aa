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
        'wrexham-cs',
      ].map((to) => shareSubject(to, 'hillside')),
    );
    for (const agency of DEMO_AGENCIES.map((a) => a.id))
      expect(agencyNatsPermissions(directory, agency).publish.filter((s) => /^cwtch\..*\*/.test(s))).toEqual(
        [],
      );
  });

  it('gives the safeguarding board, party to no identifiable agreement, no share or receipt subject', () => {
    expect(shares('wg-board')).toEqual([]);
    expect(receipts('wg-board')).toEqual([]);
  });

  it('lets south-wales-police receipt only to agencies that may send to it', () => {
    expect(receipts('south-wales-police')).toContain('cwtch.receipt.hillside.south-wales-police');
    expect(receipts('south-wales-police')).not.toContain('cwtch.receipt.wg-board.south-wales-police');
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
