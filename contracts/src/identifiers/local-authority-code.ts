import { z } from 'zod';
import {
  ENGLISH_AUTHORITIES,
  ENGLISH_AUTHORITY_RECODES,
  RETIRED_ENGLISH_AUTHORITY_CODES,
} from './english-authorities.ts';
import { type IdentifierIssueCode, identifierIssue } from './identifier-issue.ts';

/*
 * Welsh local authorities, as of 1 April 2023 (unchanged since 1996 apart from recodings):
 * ONS Open Geography Portal, "Local Authority Districts (April 2023) Names and Codes in the
 * United Kingdom" (LAD23; Welsh names from its Welsh-name column), as in reference §3.4 [V];
 * health boards from ONS "Unitary Authority to Local Health Board (April 2019) Lookup in Wales"
 * [V]; police force areas from ONS "Local Authority District to Police Force Area (December
 * 2022) Lookup in England and Wales" (the reference marks the force column [U]; written from
 * knowledge of the lookup, consistent with each force's own list of the counties it polices).
 * English authorities: `english-authorities.ts`.
 */

/** A Welsh local authority with its health board and police force area (reference §3.4). */
export interface WelshLocalAuthority {
  /** ONS GSS local authority district code (`W06…`). */
  readonly code: string;
  readonly name: { readonly en: string; readonly cy: string };
  /** ODS code of the local health board covering the authority. */
  readonly healthBoard: string;
  /** ONS police force area code (`W15…`) of the force whose area contains the authority. */
  readonly policeForce: string;
}

/** The 22 Welsh local authorities; there is no W06000007 or W06000017. */
export const WELSH_LOCAL_AUTHORITIES: readonly WelshLocalAuthority[] = [
  {
    code: 'W06000001',
    name: { en: 'Isle of Anglesey', cy: 'Ynys Môn' },
    healthBoard: '7A1',
    policeForce: 'W15000001',
  },
  { code: 'W06000002', name: { en: 'Gwynedd', cy: 'Gwynedd' }, healthBoard: '7A1', policeForce: 'W15000001' },
  { code: 'W06000003', name: { en: 'Conwy', cy: 'Conwy' }, healthBoard: '7A1', policeForce: 'W15000001' },
  {
    code: 'W06000004',
    name: { en: 'Denbighshire', cy: 'Sir Ddinbych' },
    healthBoard: '7A1',
    policeForce: 'W15000001',
  },
  {
    code: 'W06000005',
    name: { en: 'Flintshire', cy: 'Sir y Fflint' },
    healthBoard: '7A1',
    policeForce: 'W15000001',
  },
  { code: 'W06000006', name: { en: 'Wrexham', cy: 'Wrecsam' }, healthBoard: '7A1', policeForce: 'W15000001' },
  { code: 'W06000023', name: { en: 'Powys', cy: 'Powys' }, healthBoard: '7A7', policeForce: 'W15000004' },
  {
    code: 'W06000008',
    name: { en: 'Ceredigion', cy: 'Ceredigion' },
    healthBoard: '7A2',
    policeForce: 'W15000004',
  },
  {
    code: 'W06000009',
    name: { en: 'Pembrokeshire', cy: 'Sir Benfro' },
    healthBoard: '7A2',
    policeForce: 'W15000004',
  },
  {
    code: 'W06000010',
    name: { en: 'Carmarthenshire', cy: 'Sir Gaerfyrddin' },
    healthBoard: '7A2',
    policeForce: 'W15000004',
  },
  {
    code: 'W06000011',
    name: { en: 'Swansea', cy: 'Abertawe' },
    healthBoard: '7A3',
    policeForce: 'W15000003',
  },
  {
    code: 'W06000012',
    name: { en: 'Neath Port Talbot', cy: 'Castell-nedd Port Talbot' },
    healthBoard: '7A3',
    policeForce: 'W15000003',
  },
  {
    code: 'W06000013',
    name: { en: 'Bridgend', cy: 'Pen-y-bont ar Ogwr' },
    healthBoard: '7A5',
    policeForce: 'W15000003',
  },
  {
    code: 'W06000014',
    name: { en: 'Vale of Glamorgan', cy: 'Bro Morgannwg' },
    healthBoard: '7A4',
    policeForce: 'W15000003',
  },
  {
    code: 'W06000015',
    name: { en: 'Cardiff', cy: 'Caerdydd' },
    healthBoard: '7A4',
    policeForce: 'W15000003',
  },
  {
    code: 'W06000016',
    name: { en: 'Rhondda Cynon Taf', cy: 'Rhondda Cynon Taf' },
    healthBoard: '7A5',
    policeForce: 'W15000003',
  },
  {
    code: 'W06000024',
    name: { en: 'Merthyr Tydfil', cy: 'Merthyr Tudful' },
    healthBoard: '7A5',
    policeForce: 'W15000003',
  },
  {
    code: 'W06000018',
    name: { en: 'Caerphilly', cy: 'Caerffili' },
    healthBoard: '7A6',
    policeForce: 'W15000002',
  },
  {
    code: 'W06000019',
    name: { en: 'Blaenau Gwent', cy: 'Blaenau Gwent' },
    healthBoard: '7A6',
    policeForce: 'W15000002',
  },
  {
    code: 'W06000020',
    name: { en: 'Torfaen', cy: 'Tor-faen' },
    healthBoard: '7A6',
    policeForce: 'W15000002',
  },
  {
    code: 'W06000021',
    name: { en: 'Monmouthshire', cy: 'Sir Fynwy' },
    healthBoard: '7A6',
    policeForce: 'W15000002',
  },
  {
    code: 'W06000022',
    name: { en: 'Newport', cy: 'Casnewydd' },
    healthBoard: '7A6',
    policeForce: 'W15000002',
  },
];

const WELSH = 'W060000(?:0[1-68-9]|1[0-68-9]|2[0-4])';
/** English unitary/district/metropolitan/London/county (E06–E10), Scottish council (S12), NI district (N09). */
const OTHER_UK = 'E(?:0[6-9]|10)\\d{6}|S12\\d{6}|N09\\d{6}';
const SHAPE = new RegExp(`^(?:${WELSH}|${OTHER_UK})$`);
const ENGLISH_CODES: ReadonlySet<string> = new Set([
  ...ENGLISH_AUTHORITIES.map((la) => la.code),
  ...Object.keys(ENGLISH_AUTHORITY_RECODES),
]);

/** One of the 22 Welsh local authorities by ONS GSS code (`W06000011` is Swansea). */
export const WelshLocalAuthorityCode = z
  .string()
  .regex(new RegExp(`^${WELSH}$`), 'must be the ONS code of a Welsh local authority (W06…)');
export type WelshLocalAuthorityCode = z.infer<typeof WelshLocalAuthorityCode>;

/**
 * Why an English code of the right shape is not a children's services authority: a district
 * council (E07), an abolished authority, or a code not on the April 2023 register; `null` for
 * any other input.
 */
export function englishAuthorityIssue(code: string): IdentifierIssueCode | null {
  if (!/^E(?:0[6-9]|10)\d{6}$/.test(code) || ENGLISH_CODES.has(code)) return null;
  if (code.startsWith('E07')) return 'LA_DISTRICT_COUNCIL';
  if (Object.hasOwn(RETIRED_ENGLISH_AUTHORITY_CODES, code)) return 'LA_RETIRED';
  return 'LA_UNKNOWN';
}

/**
 * A local authority with children's services, by ONS GSS code: one of the 22 Welsh authorities
 * (W06), one of the 153 English upper-tier and unitary authorities (E06, E08, E09, E10; a
 * district council, E07, is refused with LA_DISTRICT_COUNCIL), or a Scottish council (S12) or
 * Northern Irish district (N09) code by shape, for moves across the border.
 */
export const LocalAuthorityCode = z
  .string()
  .regex(SHAPE, 'must be the ONS code of a local authority (W06…, or E06, E08, E09, E10, S12, N09)')
  .superRefine((code, ctx) => {
    const issue = englishAuthorityIssue(code);
    if (issue !== null) ctx.addIssue(identifierIssue(issue));
  });
export type LocalAuthorityCode = z.infer<typeof LocalAuthorityCode>;

/** True for one of the 22 Welsh local authority codes. Never throws. */
export function isWelshLocalAuthorityCode(input: unknown): boolean {
  return WelshLocalAuthorityCode.safeParse(input).success;
}

/** True for a Welsh or English children's services authority, or a Scottish or NI code shape. Never throws. */
export function isValidLocalAuthorityCode(input: unknown): boolean {
  return LocalAuthorityCode.safeParse(input).success;
}

/** The Welsh local authority with this code, or `undefined`. */
export function welshLocalAuthority(code: string): WelshLocalAuthority | undefined {
  return WELSH_LOCAL_AUTHORITIES.find((la) => la.code === code);
}
