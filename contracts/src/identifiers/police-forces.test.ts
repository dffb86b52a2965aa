import { describe, expect, it } from 'vitest';
import { OrgRef } from './org-ref.ts';
import { isValidPoliceForceCode, PoliceForceCode, WELSH_POLICE_FORCES } from './police-force-code.ts';
import { POLICE_FORCES, policeForce, policeForceName } from './police-forces.ts';

const TERRITORIAL = POLICE_FORCES.filter((f) => f.jurisdiction === 'england' || f.jurisdiction === 'wales');

describe('police forces (ONS police force areas, December 2022)', () => {
  it('counts 43 territorial forces of England (39) and Wales (4), plus Police Scotland, PSNI and BTP', () => {
    expect(TERRITORIAL).toHaveLength(43);
    expect(POLICE_FORCES.filter((f) => f.jurisdiction === 'england')).toHaveLength(39);
    expect(WELSH_POLICE_FORCES.map((f) => f.code)).toEqual([
      'W15000001',
      'W15000002',
      'W15000003',
      'W15000004',
    ]);
    expect(POLICE_FORCES.map((f) => f.code).slice(43)).toEqual(['S23000009', 'PSNI', 'BTP']);
    expect(new Set(POLICE_FORCES.map((f) => f.code)).size).toBe(46);
    expect(new Set(POLICE_FORCES.map((f) => f.name.en)).size).toBe(46);
  });

  it('accepts every force in the table as a PoliceForceCode and refuses codes beyond it', () => {
    for (const force of POLICE_FORCES) expect(isValidPoliceForceCode(force.code), force.code).toBe(true);
    for (const code of ['E23000040', 'W15000005', 'S23000001', 'N23000001', 'btp', 'psni', 'E23000000']) {
      expect(isValidPoliceForceCode(code), code).toBe(false);
    }
    expect(PoliceForceCode.safeParse('E23000040').error?.issues[0]?.message).not.toContain('E23000040');
    expect(
      OrgRef.safeParse({ scheme: 'ons_pfa', value: 'BTP', name: 'British Transport Police' }).success,
    ).toBe(true);
  });

  it.each([
    ['E23000001', 'Metropolitan Police Service'],
    ['E23000014', 'West Midlands Police'],
    ['E23000030', 'Hampshire and Isle of Wight Constabulary'],
    ['E23000034', 'City of London Police'],
    ['E23000039', 'Dorset Police'],
    ['S23000009', 'Police Scotland'],
    ['PSNI', 'Police Service of Northern Ireland'],
    ['BTP', 'British Transport Police'],
  ])('names %s %s', (code, name) => {
    expect(policeForceName(code, 'en')).toBe(name);
  });

  it('names the Welsh forces in Welsh, others in English on a Welsh page', () => {
    expect(policeForceName('W15000001', 'cy')).toBe('Heddlu Gogledd Cymru');
    expect(policeForceName('W15000004', 'cy')).toBe('Heddlu Dyfed-Powys');
    expect(policeForceName('E23000014', 'cy')).toBe('West Midlands Police');
    expect(policeForceName('W06000011', 'en')).toBeUndefined();
    expect(policeForce({})).toBeUndefined();
  });
});
