import { ENGLISH_AUTHORITIES, ENGLISH_AUTHORITY_RECODES } from './english-authorities.ts';
import { WELSH_LOCAL_AUTHORITIES } from './local-authority-code.ts';

/** A page's language. */
export type NameLang = 'en' | 'cy';

/** A children's services authority of England or Wales, with its police force area. */
export interface ChildrensServicesAuthority {
  /** ONS GSS code (`E06`, `E08`, `E09`, `E10` or `W06`). */
  readonly code: string;
  readonly name: { readonly en: string; readonly cy: string };
  readonly nation: 'england' | 'wales';
  /** ONS police force area code of the force whose area contains the authority. */
  readonly policeForce: string;
}

/**
 * The 175 children's services authorities of England (153) and Wales (22), April 2023; sources
 * in `english-authorities.ts` and `local-authority-code.ts`.
 */
export const CHILDRENS_SERVICES_AUTHORITIES: readonly ChildrensServicesAuthority[] = [
  ...ENGLISH_AUTHORITIES.map((la) => ({ ...la, nation: 'england' as const })),
  ...WELSH_LOCAL_AUTHORITIES.map(({ code, name, policeForce }) => ({
    code,
    name,
    nation: 'wales' as const,
    policeForce,
  })),
];

const BY_CODE: ReadonlyMap<string, ChildrensServicesAuthority> = new Map(
  CHILDRENS_SERVICES_AUTHORITIES.map((la) => [la.code, la]),
);

/**
 * The English or Welsh children's services authority with this ONS code (a later recoding, such
 * as Barnsley's E08000038, finds the table's entry), or `undefined`. Never throws.
 */
export function childrensServicesAuthority(code: unknown): ChildrensServicesAuthority | undefined {
  if (typeof code !== 'string') return undefined;
  const current = Object.hasOwn(ENGLISH_AUTHORITY_RECODES, code) ? ENGLISH_AUTHORITY_RECODES[code] : code;
  return current === undefined ? undefined : BY_CODE.get(current);
}

/**
 * The name of an English or Welsh children's services authority in `lang` (Welsh authorities
 * have Welsh names; English ones keep their English name on a Welsh page), or `undefined` for
 * a code not in the table.
 *
 * @example authorityName('W06000011', 'cy') // 'Abertawe'
 */
export function authorityName(code: unknown, lang: NameLang): string | undefined {
  return childrensServicesAuthority(code)?.name[lang];
}
