import { describe, expect, it } from 'vitest';
import {
  HealthBoardCode,
  isValidHealthBoardCode,
  WELSH_HEALTH_BOARDS,
  welshHealthBoard,
} from './health-board-code.ts';
import {
  isValidLocalAuthorityCode,
  isWelshLocalAuthorityCode,
  LocalAuthorityCode,
  WELSH_LOCAL_AUTHORITIES,
  welshLocalAuthority,
} from './local-authority-code.ts';
import {
  isValidNationalInsuranceNumber,
  normaliseNationalInsuranceNumber,
} from './national-insurance-number.ts';
import { OrgRef } from './org-ref.ts';
import { isValidPoliceForceCode, WELSH_POLICE_FORCES } from './police-force-code.ts';

describe('Welsh local authorities (reference §3.4)', () => {
  it('lists the 22 authorities, every one valid, with known health boards and forces', () => {
    expect(WELSH_LOCAL_AUTHORITIES).toHaveLength(22);
    expect(new Set(WELSH_LOCAL_AUTHORITIES.map((la) => la.code)).size).toBe(22);
    for (const la of WELSH_LOCAL_AUTHORITIES) {
      expect(isWelshLocalAuthorityCode(la.code), la.code).toBe(true);
      expect(welshHealthBoard(la.healthBoard), la.code).toBeDefined();
      expect(
        WELSH_POLICE_FORCES.some((force) => force.code === la.policeForce),
        la.code,
      ).toBe(true);
    }
    expect(welshLocalAuthority('W06000011')?.name).toEqual({ en: 'Swansea', cy: 'Abertawe' });
  });

  it('trap: there is no W06000007 or W06000017', () => {
    expect(isWelshLocalAuthorityCode('W06000007')).toBe(false);
    expect(isWelshLocalAuthorityCode('W06000017')).toBe(false);
    expect(isWelshLocalAuthorityCode('W06000025')).toBe(false);
  });

  it('accepts English, Scottish and Northern Irish district shapes for cross-border moves only as LocalAuthorityCode', () => {
    for (const code of ['E06000023', 'E08000025', 'E09000001', 'S12000036', 'N09000003']) {
      expect(isValidLocalAuthorityCode(code), code).toBe(true);
      expect(isWelshLocalAuthorityCode(code), code).toBe(false);
    }
    for (const code of ['W11000031', 'E05000001', 'w06000011', 'W06000011 ']) {
      expect(isValidLocalAuthorityCode(code), code).toBe(false);
    }
    expect(LocalAuthorityCode.safeParse('W06000007').error?.issues[0]?.message).toMatch(/local authority/);
  });
});

describe('health boards and police forces (reference §3.4)', () => {
  it('knows the seven health boards by ODS 7A1–7A7 and refuses others', () => {
    expect(WELSH_HEALTH_BOARDS).toHaveLength(7);
    expect(welshHealthBoard('7A3')?.name.en).toBe('Swansea Bay University Health Board');
    expect(welshHealthBoard('W11000031')?.ods).toBe('7A3');
    expect(isValidHealthBoardCode('7A8')).toBe(false);
    expect(isValidHealthBoardCode('W11000031')).toBe(false);
    expect(HealthBoardCode.safeParse('7A0').error?.issues[0]?.message).toMatch(/7A1–7A7/);
  });

  it('accepts W15000001–W15000004 and E23000001–E23000039 only', () => {
    for (const code of ['W15000001', 'W15000004', 'E23000001', 'E23000039'])
      expect(isValidPoliceForceCode(code)).toBe(true);
    for (const code of ['W15000000', 'W15000005', 'E23000000', 'E23000040', 'W06000011']) {
      expect(isValidPoliceForceCode(code), code).toBe(false);
    }
  });
});

describe('National Insurance number and organisation references', () => {
  it('checks the HMRC shape and normalises spacing', () => {
    expect(normaliseNationalInsuranceNumber('ab 12 34 56 c')).toBe('AB123456C');
    // QQ 12 34 56 C is HMRC's specimen: Q is never a first letter, so it is not a real number.
    for (const nino of [
      'QQ123456C',
      'BG123456A',
      'GB123456A',
      'DA123456A',
      'AO123456A',
      'AB123456E',
      'AB12345C',
    ]) {
      expect(isValidNationalInsuranceNumber(nino), nino).toBe(false);
    }
  });

  it('validates the value per scheme', () => {
    expect(
      OrgRef.safeParse({ scheme: 'ons_pfa', value: 'W15000003', name: 'South Wales Police' }).success,
    ).toBe(true);
    expect(OrgRef.safeParse({ scheme: 'nhs_ods', value: '7A3', name: 'Swansea Bay UHB' }).success).toBe(true);
    expect(OrgRef.safeParse({ scheme: 'ofsted_urn', value: 'SC123456', name: 'A home' }).success).toBe(true);
    const wrong = OrgRef.safeParse({ scheme: 'ons_pfa', value: 'W06000011', name: 'Swansea' });
    expect(wrong.error?.issues[0]?.path).toEqual(['value']);
  });
});
