import { childrensServicesAuthority } from './authorities.ts';

const POLICE_SCOTLAND = 'S23000009';
const PSNI = 'PSNI';
const SCOTTISH_COUNCIL = /^S12\d{6}$/;
const NI_DISTRICT = /^N09\d{6}$/;

/**
 * The code of the territorial police force whose area contains a local authority: the table
 * for English and Welsh children's services authorities (London boroughs → Metropolitan Police,
 * the City of London → City of London Police), Police Scotland for a Scottish council code
 * (S12), PSNI for a Northern Irish district code (N09); `undefined` for anything else,
 * including a district council (E07). Never throws.
 *
 * @example policeForceFor('W06000006') // 'W15000001' (Wrexham → North Wales Police)
 */
export function policeForceFor(authorityCode: unknown): string | undefined {
  const authority = childrensServicesAuthority(authorityCode);
  if (authority) return authority.policeForce;
  if (typeof authorityCode !== 'string') return undefined;
  if (SCOTTISH_COUNCIL.test(authorityCode)) return POLICE_SCOTLAND;
  if (NI_DISTRICT.test(authorityCode)) return PSNI;
  return undefined;
}

/**
 * True when police force `forceCode` may be named for local authority `authorityCode`: it is
 * the territorial force whose area contains the authority, or British Transport Police for an
 * authority in Great Britain (it polices the railways across England, Wales and Scotland).
 * False for unknown codes. Never throws.
 *
 * @example forceCovers('W15000003', 'W06000006') // false: Wrexham is North Wales Police's
 */
export function forceCovers(forceCode: unknown, authorityCode: unknown): boolean {
  const territorial = policeForceFor(authorityCode);
  if (territorial === undefined) return false;
  if (forceCode === 'BTP') return territorial !== PSNI;
  return forceCode === territorial;
}
