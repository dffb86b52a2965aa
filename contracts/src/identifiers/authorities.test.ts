import { describe, expect, it } from 'vitest';
import { authorityName, CHILDRENS_SERVICES_AUTHORITIES, childrensServicesAuthority } from './authorities.ts';
import { ENGLISH_AUTHORITIES, RETIRED_ENGLISH_AUTHORITY_CODES } from './english-authorities.ts';
import { identifierIssueCode } from './identifier-issue.ts';
import { isValidLocalAuthorityCode, LocalAuthorityCode } from './local-authority-code.ts';
import { organisationName } from './organisation-name.ts';

const prefixCount = (prefix: string) => ENGLISH_AUTHORITIES.filter((la) => la.code.startsWith(prefix)).length;

describe("children's services authorities of England and Wales (ONS, April 2023)", () => {
  it('counts 153 English authorities (63 E06, 36 E08, 33 E09, 21 E10), 22 Welsh, no duplicates', () => {
    expect(ENGLISH_AUTHORITIES).toHaveLength(153);
    expect([prefixCount('E06'), prefixCount('E08'), prefixCount('E09'), prefixCount('E10')]).toEqual([
      63, 36, 33, 21,
    ]);
    expect(prefixCount('E07')).toBe(0);
    expect(CHILDRENS_SERVICES_AUTHORITIES).toHaveLength(175);
    expect(new Set(CHILDRENS_SERVICES_AUTHORITIES.map((la) => la.code)).size).toBe(175);
    expect(new Set(ENGLISH_AUTHORITIES.map((la) => la.name.en)).size).toBe(153);
  });

  it.each([
    ['E06000063', 'Cumberland'],
    ['E06000064', 'Westmorland and Furness'],
    ['E06000065', 'North Yorkshire'],
    ['E06000066', 'Somerset'],
    ['E06000058', 'Bournemouth, Christchurch and Poole'],
    ['E06000060', 'Buckinghamshire'],
    ['E06000053', 'Isles of Scilly'],
    ['E06000023', 'Bristol, City of'],
    ['E08000027', 'Dudley'],
    ['E08000037', 'Gateshead'],
    ['E09000001', 'City of London'],
    ['E09000033', 'Westminster'],
    ['E10000014', 'Hampshire'],
    ['E10000034', 'Worcestershire'],
    ['E08000016', 'Barnsley'],
    ['E08000038', 'Barnsley'],
    ['E08000019', 'Sheffield'],
    ['E08000039', 'Sheffield'],
  ])('knows %s as %s', (code, name) => {
    expect(authorityName(code, 'en')).toBe(name);
    expect(isValidLocalAuthorityCode(code)).toBe(true);
  });

  it('names Welsh authorities in Welsh and English ones in English on a Welsh page', () => {
    expect(authorityName('W06000011', 'cy')).toBe('Abertawe');
    expect(authorityName('W06000011', 'en')).toBe('Swansea');
    expect(authorityName('W06000006', 'cy')).toBe('Wrecsam');
    expect(authorityName('E08000027', 'cy')).toBe('Dudley');
    expect(childrensServicesAuthority('W06000022')?.nation).toBe('wales');
    expect(childrensServicesAuthority('E09000008')?.nation).toBe('england');
    for (const code of ['E07000026', 'W06000007', 'S12000036', '', undefined, 42]) {
      expect(authorityName(code, 'en'), String(code)).toBeUndefined();
    }
  });

  it('keeps the 21 county councils of April 2023 and none that were abolished', () => {
    const counties = ENGLISH_AUTHORITIES.filter((la) => la.code.startsWith('E10')).map((la) => la.code);
    for (const gone of ['E10000002', 'E10000006', 'E10000009', 'E10000021', 'E10000023', 'E10000027']) {
      expect(counties, gone).not.toContain(gone);
    }
    for (const [retired, successors] of Object.entries(RETIRED_ENGLISH_AUTHORITY_CODES)) {
      expect(childrensServicesAuthority(retired), retired).toBeUndefined();
      for (const code of successors) expect(childrensServicesAuthority(code), code).toBeDefined();
    }
  });

  it('names any organisation code: authority, police force or health board', () => {
    expect(organisationName('E08000027')).toEqual({ en: 'Dudley', cy: 'Dudley' });
    expect(organisationName('W06000011')).toEqual({ en: 'Swansea', cy: 'Abertawe' });
    expect(organisationName('E23000014')?.en).toBe('West Midlands Police');
    expect(organisationName('W15000003')?.cy).toBe('Heddlu De Cymru');
    expect(organisationName('7A3')?.en).toBe('Swansea Bay University Health Board');
    expect(organisationName('missing_found_elsewhere')).toBeUndefined();
  });
});

describe('LocalAuthorityCode refuses what is not a children’s services authority, with a code', () => {
  const refusal = (code: string) => {
    const result = LocalAuthorityCode.safeParse(code);
    expect(result.success, code).toBe(false);
    const issues = result.error?.issues ?? [];
    expect(issues).toHaveLength(1);
    const issue = issues[0];
    expect(issue?.path).toEqual([]);
    expect(issue?.message).not.toContain(code);
    return { code: issue ? identifierIssueCode(issue) : undefined, message: issue?.message };
  };

  it('refuses a district council (E07) as LA_DISTRICT_COUNCIL, naming the county as the fix', () => {
    // E07000026 is Allerdale (abolished 2023); E07000223 is Adur in West Sussex.
    for (const code of ['E07000223', 'E07000026']) {
      const { code: issueCode, message } = refusal(code);
      expect(issueCode).toBe('LA_DISTRICT_COUNCIL');
      expect(message).toMatch(/district council.*county council/);
    }
  });

  it('refuses an abolished county or unitary code as LA_RETIRED', () => {
    for (const code of ['E10000006', 'E10000023', 'E10000027', 'E06000028', 'E08000020']) {
      expect(refusal(code).code, code).toBe('LA_RETIRED');
    }
  });

  it('refuses an English code of the right shape that is not on the register as LA_UNKNOWN', () => {
    for (const code of ['E06000067', 'E06000099', 'E08000040', 'E09000034', 'E10000099']) {
      expect(refusal(code).code, code).toBe('LA_UNKNOWN');
    }
  });

  it('accepts every English and Welsh authority in the table', () => {
    for (const la of CHILDRENS_SERVICES_AUTHORITIES)
      expect(isValidLocalAuthorityCode(la.code), la.code).toBe(true);
  });
});
