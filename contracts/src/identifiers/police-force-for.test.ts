import { describe, expect, it } from 'vitest';
import { CHILDRENS_SERVICES_AUTHORITIES } from './authorities.ts';
import { forceCovers, policeForceFor } from './police-force-for.ts';
import { POLICE_FORCES, policeForce } from './police-forces.ts';

const TERRITORIAL = POLICE_FORCES.filter((f) => f.jurisdiction === 'england' || f.jurisdiction === 'wales');

describe('authority → police force (ONS LAD to PFA lookup)', () => {
  it('refuses Wrexham with South Wales Police and accepts it with North Wales Police', () => {
    expect(policeForceFor('W06000006')).toBe('W15000001');
    expect(forceCovers('W15000003', 'W06000006')).toBe(false);
    expect(forceCovers('W15000001', 'W06000006')).toBe(true);
  });

  it.each([
    ['W06000011', 'W15000003'], // Swansea → South Wales
    ['W06000012', 'W15000003'], // Neath Port Talbot → South Wales
    ['W06000023', 'W15000004'], // Powys → Dyfed-Powys
    ['W06000022', 'W15000002'], // Newport → Gwent
    ['E08000027', 'E23000014'], // Dudley → West Midlands
    ['E09000001', 'E23000034'], // City of London → City of London Police
    ['E09000028', 'E23000001'], // Southwark → Metropolitan
    ['E06000063', 'E23000002'], // Cumberland → Cumbria
    ['E06000064', 'E23000002'], // Westmorland and Furness → Cumbria
    ['E06000014', 'E23000009'], // York → North Yorkshire
    ['E06000065', 'E23000009'], // North Yorkshire → North Yorkshire
    ['E06000066', 'E23000036'], // Somerset → Avon and Somerset
    ['E06000042', 'E23000029'], // Milton Keynes → Thames Valley
    ['E06000053', 'E23000035'], // Isles of Scilly → Devon and Cornwall
    ['E06000031', 'E23000023'], // Peterborough → Cambridgeshire
    ['E06000005', 'E23000008'], // Darlington → Durham
    ['E06000006', 'E23000006'], // Halton → Cheshire
    ['E06000046', 'E23000030'], // Isle of Wight → Hampshire and Isle of Wight
    ['E10000025', 'E23000029'], // Oxfordshire → Thames Valley
    ['E10000034', 'E23000016'], // Worcestershire → West Mercia
    ['S12000036', 'S23000009'], // a Scottish council → Police Scotland
    ['N09000003', 'PSNI'], // a Northern Irish district → PSNI
  ])('places %s in %s', (authority, force) => {
    expect(policeForceFor(authority)).toBe(force);
    expect(forceCovers(force, authority)).toBe(true);
  });

  it('puts the 32 London boroughs with the Metropolitan Police and the City with its own force', () => {
    const london = CHILDRENS_SERVICES_AUTHORITIES.filter((la) => la.code.startsWith('E09'));
    const met = london.filter((la) => la.policeForce === 'E23000001');
    expect(met).toHaveLength(32);
    expect(london.filter((la) => !met.includes(la)).map((la) => la.code)).toEqual(['E09000001']);
  });

  it('maps every authority to a territorial force of its own nation, and every territorial force is used', () => {
    for (const la of CHILDRENS_SERVICES_AUTHORITIES) {
      const force = policeForce(la.policeForce);
      expect(force?.jurisdiction, la.code).toBe(la.nation);
    }
    const used = new Set(CHILDRENS_SERVICES_AUTHORITIES.map((la) => la.policeForce));
    for (const force of TERRITORIAL) expect(used.has(force.code), force.code).toBe(true);
  });

  it('lets British Transport Police stand for any authority in Great Britain, not Northern Ireland', () => {
    expect(forceCovers('BTP', 'W06000011')).toBe(true);
    expect(forceCovers('BTP', 'E09000033')).toBe(true);
    expect(forceCovers('BTP', 'S12000036')).toBe(true);
    expect(forceCovers('BTP', 'N09000003')).toBe(false);
  });

  it('knows no force for a district council or an unknown code, and never throws', () => {
    for (const authority of ['E07000223', 'E10000006', 'W06000007', '', null, 7, {}]) {
      expect(policeForceFor(authority), String(authority)).toBeUndefined();
      expect(forceCovers('E23000001', authority)).toBe(false);
      expect(forceCovers('BTP', authority)).toBe(false);
    }
    expect(forceCovers(undefined, 'W06000011')).toBe(false);
  });
});
