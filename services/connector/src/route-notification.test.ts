import { readFileSync } from 'node:fs';
import { parseNotification } from '@cwtch/contracts';
import { type Agency, type Agreement, DirectoryView } from '@cwtch/directory';
import { isCwtchError } from '@cwtch/runtime';
import { describe, expect, it } from 'vitest';
import { routeNotification } from './route-notification.ts';

const agency = (id: string, type: Agency['type'], codes: [string, string][], areas: string[]): Agency => ({
  id,
  name: id,
  type,
  codes: codes.map(([scheme, value]) => ({ scheme, value })),
  areas,
  keys: [],
});

const AGENCIES = [
  agency('swansea-cs', 'childrens-services', [['ons_gss_lad', 'W06000011']], ['W06000011']),
  agency('south-wales-police', 'police', [['ons_pfa', 'W15000003']], ['W06000011']),
  agency('swansea-bay-health', 'health-board', [['nhs_ods', '7A3']], ['W06000011']),
  agency('wrexham-cs', 'childrens-services', [['ons_gss_lad', 'W06000006']], ['W06000006']),
  agency('north-wales-police', 'police', [['ons_pfa', 'W15000001']], ['W06000006']),
  agency('dudley-cs', 'childrens-services', [['ons_gss_lad', 'E08000027']], ['E08000027']),
  // Areas listed without Dudley: the force code alone must find it.
  agency('west-midlands-police', 'police', [['ons_pfa', 'E23000014']], ['E08000025']),
];
const LOCATE = AGENCIES.map((a) => a.id).filter((id) => id !== 'swansea-bay-health');
const agreement = (id: string, parties: string[]): Agreement => ({
  id,
  title: id,
  framework: 'WASPI',
  type: 'ISP',
  senders: parties,
  recipients: parties,
  kinds: ['out-of-area-move'],
  purposes: ['safeguarding_child_at_risk'],
  lawfulBasis: 'UK GDPR 6(1)(e)',
});

function view(agreements: Agreement[], agencies: Agency[] = AGENCIES) {
  return new DirectoryView({
    v: 1,
    typ: 'cwtch.directory.v1',
    region: 'test',
    serial: 1,
    issuedAt: 0,
    agencies,
    agreements,
    routes: [],
  });
}

const example = JSON.parse(
  readFileSync(new URL('../../../contracts/examples/out-of-area-move.json', import.meta.url), 'utf8'),
);

/** The example moved to a Dudley child found at Wrexham station. */
function dudleyChildAtWrexham(): unknown {
  const p = structuredClone(example);
  p.subject.responsibleAuthority = 'E08000027';
  p.homeLa = 'E08000027';
  p.homePfa = 'E23000014';
  p.reportedMissingFrom = {
    ...p.reportedMissingFrom,
    postcode: 'DY1 1HF',
    la: 'E08000027',
    pfa: 'E23000014',
  };
  const parsed = parseNotification('out-of-area-move', p);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

function refusal(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isCwtchError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('follow-the-child routing', () => {
  it("finds each area's front door and force, leaves out the sender, and names why", () => {
    const answer = routeNotification(
      view([agreement('cross-border', LOCATE)]),
      'north-wales-police',
      'out-of-area-move',
      dudleyChildAtWrexham(),
      'safeguarding_child_at_risk',
    );
    expect(answer.recipients.map((r) => r.agency)).toEqual([
      'dudley-cs',
      'west-midlands-police',
      'wrexham-cs',
    ]);
    expect(answer.recipients.every((r) => r.agreement === 'cross-border')).toBe(true);
    expect(answer.recipients[0]?.because).toContainEqual({
      role: 'front-door',
      area: { la: 'E08000027', role: 'home', name: 'Dudley' },
    });
    expect(answer.recipients[1]?.because[0]?.role).toBe('police');
    expect(answer.skipped).toEqual([
      expect.objectContaining({ agency: 'north-wales-police', reason: 'SENDER' }),
    ]);
  });

  it('lets the agreements filter: a Welsh health board outside the agreement is skipped, not sent to', () => {
    const answer = routeNotification(
      view([agreement('wales', LOCATE)]),
      'north-wales-police',
      'out-of-area-move',
      parseOk(example),
      undefined,
    );
    expect(answer.recipients.map((r) => r.agency)).toEqual([
      'swansea-cs',
      'south-wales-police',
      'wrexham-cs',
    ]);
    expect(answer.skipped.map((s) => [s.agency, s.reason])).toEqual([
      ['swansea-bay-health', 'NO_AGREEMENT'],
      ['north-wales-police', 'SENDER'],
    ]);
  });

  it('refuses an area with no front door in the directory with NO_ROUTE_FOR_AREA naming it', () => {
    const noDudley = AGENCIES.filter((a) => a.id !== 'dudley-cs');
    const r = refusal(() =>
      routeNotification(
        view([agreement('cross-border', LOCATE)], noDudley),
        'north-wales-police',
        'out-of-area-move',
        dudleyChildAtWrexham(),
        undefined,
      ),
    );
    expect(r.code).toBe('NO_ROUTE_FOR_AREA');
    expect(r.message).toContain('Dudley (E08000027)');
  });

  it('refuses with NO_AGREEMENT naming the area when no agency serving it may receive the kind', () => {
    const walesOnly = LOCATE.filter((id) => !['dudley-cs', 'west-midlands-police'].includes(id));
    const r = refusal(() =>
      routeNotification(
        view([agreement('wales', walesOnly)]),
        'north-wales-police',
        'out-of-area-move',
        dudleyChildAtWrexham(),
        undefined,
      ),
    );
    expect(r.code).toBe('NO_AGREEMENT');
    expect(r.message).toContain('Dudley (E08000027)');
  });

  it('refuses a list that no single agreement covers (one envelope states one agreement)', () => {
    const r = refusal(() =>
      routeNotification(
        view([
          agreement('wales', ['north-wales-police', 'wrexham-cs', 'swansea-cs', 'south-wales-police']),
          agreement('west-midlands', ['north-wales-police', 'dudley-cs', 'west-midlands-police']),
        ]),
        'north-wales-police',
        'out-of-area-move',
        dudleyChildAtWrexham(),
        undefined,
      ),
    );
    expect(r.code).toBe('NO_AGREEMENT');
    expect(r.message).toContain('no single sharing agreement');
  });
});

function parseOk(payload: unknown): unknown {
  const parsed = parseNotification('out-of-area-move', payload);
  if (!parsed.ok) throw new Error('example invalid');
  return parsed.value;
}
