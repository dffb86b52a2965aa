import type { NameLang } from './authorities.ts';

/**
 * Police forces of the United Kingdom: the 43 territorial forces of England and Wales, Police
 * Scotland, the Police Service of Northern Ireland and British Transport Police.
 *
 * Sources and as-of date (1 April 2023; no force has merged or been created since 2013):
 * - England and Wales codes: ONS Open Geography Portal, "Police Force Areas (December 2023) Names
 *   and Codes in England and Wales" (PFA23; E23000001–E23000039, W15000001–W15000004; the codes
 *   are unchanged since the PFA15 edition). Welsh codes and names also in reference §3.4 [V];
 *   all 43 cross-checked against a published mapping of data.police.uk force ids to PFA codes.
 * - Scotland: S23000009, the single Scottish police force area of the ONS Postcode Directory
 *   (NSPL `pfa` column) since Police Scotland formed in 2013.
 * - Northern Ireland has no ONS police force area code (the NSPL leaves `pfa` empty there), and
 *   British Transport Police polices the railways of Great Britain, not an area: `PSNI` and `BTP`
 *   are this project's own codes for them.
 * - Force names: each force's own name (Hampshire Constabulary became Hampshire and Isle of Wight
 *   Constabulary in 2022). data.police.uk ids as its `/api/forces` list spells them: `gwent` and
 *   `dyfed-powys` verified (reference §3.4), the rest written from knowledge; Police Scotland is
 *   not on data.police.uk. English and cross-border forces have no official Welsh name: the
 *   Welsh page shows the English name.
 * - The England and Wales rows were written from knowledge of the registers without network
 *   access, like the Scottish and Northern Irish ones; `police-forces.test.ts` checks counts and
 *   a sample of codes and names.
 */

/** Where a force polices: one nation's area, or Great Britain's railways (BTP). */
export type PoliceJurisdiction = 'england' | 'wales' | 'scotland' | 'northern-ireland' | 'gb-railways';

/** A police force: its code, names and, where data.police.uk lists it, its force id there. */
export interface PoliceForce {
  /** ONS police force area code (`E23…`, `W15…`, `S23000009`), or this project's `PSNI` or `BTP`. */
  readonly code: string;
  readonly name: { readonly en: string; readonly cy: string };
  readonly jurisdiction: PoliceJurisdiction;
  /** data.police.uk force id; `north-wales` and `south-wales` follow the pattern but are unverified. */
  readonly policeUkId?: string;
}

const english = (code: string, en: string, policeUkId: string): PoliceForce => ({
  code,
  name: { en, cy: en },
  jurisdiction: 'england',
  policeUkId,
});

/** The 39 territorial forces of England, in ONS code order. */
const ENGLAND: readonly PoliceForce[] = [
  english('E23000001', 'Metropolitan Police Service', 'metropolitan'),
  english('E23000002', 'Cumbria Constabulary', 'cumbria'),
  english('E23000003', 'Lancashire Constabulary', 'lancashire'),
  english('E23000004', 'Merseyside Police', 'merseyside'),
  english('E23000005', 'Greater Manchester Police', 'greater-manchester'),
  english('E23000006', 'Cheshire Constabulary', 'cheshire'),
  english('E23000007', 'Northumbria Police', 'northumbria'),
  english('E23000008', 'Durham Constabulary', 'durham'),
  english('E23000009', 'North Yorkshire Police', 'north-yorkshire'),
  english('E23000010', 'West Yorkshire Police', 'west-yorkshire'),
  english('E23000011', 'South Yorkshire Police', 'south-yorkshire'),
  english('E23000012', 'Humberside Police', 'humberside'),
  english('E23000013', 'Cleveland Police', 'cleveland'),
  english('E23000014', 'West Midlands Police', 'west-midlands'),
  english('E23000015', 'Staffordshire Police', 'staffordshire'),
  english('E23000016', 'West Mercia Police', 'west-mercia'),
  english('E23000017', 'Warwickshire Police', 'warwickshire'),
  english('E23000018', 'Derbyshire Constabulary', 'derbyshire'),
  english('E23000019', 'Nottinghamshire Police', 'nottinghamshire'),
  english('E23000020', 'Lincolnshire Police', 'lincolnshire'),
  english('E23000021', 'Leicestershire Police', 'leicestershire'),
  english('E23000022', 'Northamptonshire Police', 'northamptonshire'),
  english('E23000023', 'Cambridgeshire Constabulary', 'cambridgeshire'),
  english('E23000024', 'Norfolk Constabulary', 'norfolk'),
  english('E23000025', 'Suffolk Constabulary', 'suffolk'),
  english('E23000026', 'Bedfordshire Police', 'bedfordshire'),
  english('E23000027', 'Hertfordshire Constabulary', 'hertfordshire'),
  english('E23000028', 'Essex Police', 'essex'),
  english('E23000029', 'Thames Valley Police', 'thames-valley'),
  english('E23000030', 'Hampshire and Isle of Wight Constabulary', 'hampshire'),
  english('E23000031', 'Surrey Police', 'surrey'),
  english('E23000032', 'Kent Police', 'kent'),
  english('E23000033', 'Sussex Police', 'sussex'),
  english('E23000034', 'City of London Police', 'city-of-london'),
  english('E23000035', 'Devon and Cornwall Police', 'devon-and-cornwall'),
  english('E23000036', 'Avon and Somerset Police', 'avon-and-somerset'),
  english('E23000037', 'Gloucestershire Constabulary', 'gloucestershire'),
  english('E23000038', 'Wiltshire Police', 'wiltshire'),
  english('E23000039', 'Dorset Police', 'dorset'),
];

/** The four territorial forces of Wales. */
const WALES: readonly PoliceForce[] = [
  {
    code: 'W15000001',
    name: { en: 'North Wales Police', cy: 'Heddlu Gogledd Cymru' },
    jurisdiction: 'wales',
    policeUkId: 'north-wales',
  },
  {
    code: 'W15000002',
    name: { en: 'Gwent Police', cy: 'Heddlu Gwent' },
    jurisdiction: 'wales',
    policeUkId: 'gwent',
  },
  {
    code: 'W15000003',
    name: { en: 'South Wales Police', cy: 'Heddlu De Cymru' },
    jurisdiction: 'wales',
    policeUkId: 'south-wales',
  },
  {
    code: 'W15000004',
    name: { en: 'Dyfed-Powys Police', cy: 'Heddlu Dyfed-Powys' },
    jurisdiction: 'wales',
    policeUkId: 'dyfed-powys',
  },
];

/** Police Scotland, PSNI and British Transport Police. */
const OTHER: readonly PoliceForce[] = [
  {
    code: 'S23000009',
    name: { en: 'Police Scotland', cy: 'Police Scotland' },
    jurisdiction: 'scotland',
  },
  {
    code: 'PSNI',
    name: { en: 'Police Service of Northern Ireland', cy: 'Police Service of Northern Ireland' },
    jurisdiction: 'northern-ireland',
    policeUkId: 'northern-ireland',
  },
  {
    code: 'BTP',
    name: { en: 'British Transport Police', cy: 'British Transport Police' },
    jurisdiction: 'gb-railways',
    policeUkId: 'btp',
  },
];

/** Every police force this project knows: 39 English, 4 Welsh, then Scotland, NI and BTP. */
export const POLICE_FORCES: readonly PoliceForce[] = [...ENGLAND, ...WALES, ...OTHER];

const BY_CODE: ReadonlyMap<string, PoliceForce> = new Map(POLICE_FORCES.map((force) => [force.code, force]));

/** The police force with this code, or `undefined`. Never throws. */
export function policeForce(code: unknown): PoliceForce | undefined {
  return typeof code === 'string' ? BY_CODE.get(code) : undefined;
}

/**
 * The name of a police force in `lang` (the Welsh forces have Welsh names; others keep their
 * English name on a Welsh page), or `undefined` for an unknown code. Never throws.
 *
 * @example policeForceName('W15000003', 'cy') // 'Heddlu De Cymru'
 */
export function policeForceName(code: unknown, lang: NameLang): string | undefined {
  return policeForce(code)?.name[lang];
}
