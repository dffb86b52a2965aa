import type { z } from 'zod';
import { OrgScheme } from '../../identifiers/org-ref.ts';

/** A label in English and Welsh. */
export interface Label {
  readonly en: string;
  readonly cy: string;
}

/** Labels of a coded field's values, by value. */
export type ValueLabels = Readonly<Record<string, Label>>;

/** A field's label in English and Welsh, and for a coded field the labels of its values. */
export interface FieldLabel extends Label {
  readonly values?: ValueLabels;
}

/** Labels keyed by field path relative to some object. */
export type LabelGroup = Readonly<Record<string, FieldLabel>>;

/** A field label; `values` labels each value of a coded field (see {@link codes}). */
export function l(en: string, cy: string, values?: ValueLabels): FieldLabel {
  return values === undefined ? { en, cy } : { en, cy, values };
}

/** A value label: [English, Welsh]. */
export type Pair = readonly [en: string, cy: string];

/**
 * Labels for every value of a zod enum or literal list: the compiler refuses a missing or an
 * unknown value, so a new code cannot reach a page unlabelled.
 *
 * @example codes(EpisodeType, { M: ['Missing from care', 'Ar goll o ofal'], A: [...] })
 */
export function codes<E extends z.ZodType<string>>(
  _values: E,
  labels: { readonly [K in z.output<E>]: Pair },
): ValueLabels {
  const out: Record<string, Label> = {};
  for (const [value, [en, cy]] of Object.entries(labels) as [string, Pair][]) out[value] = { en, cy };
  return out;
}

/** `head` at `prefix`, and each of `group` below it (`prefix.key`). */
export function nest(prefix: string, head: FieldLabel, group: LabelGroup = {}): LabelGroup {
  const out: Record<string, FieldLabel> = { [prefix]: head };
  for (const [key, label] of Object.entries(group)) out[`${prefix}.${key}`] = label;
  return out;
}

/** An organisation reference (`{scheme, value, name}`). */
export const ORG: LabelGroup = {
  name: l('Name', 'Enw'),
  scheme: l(
    'Code type',
    'Math o god',
    codes(OrgScheme, {
      ons_gss_lad: ['Local authority (ONS code)', 'Awdurdod lleol (cod SYG)'],
      ons_pfa: ['Police force area (ONS code)', 'Ardal heddlu (cod SYG)'],
      nhs_ods: ['NHS organisation (ODS code)', 'Sefydliad GIG (cod ODS)'],
      ofsted_urn: ['Ofsted unique reference number', 'Cyfeirnod unigryw Ofsted'],
      ciw_service_ref: [
        'Care Inspectorate Wales service reference',
        'Cyfeirnod gwasanaeth Arolygiaeth Gofal Cymru',
      ],
      iso3166_2_gb: ['ISO 3166-2 area code', 'Cod ardal ISO 3166-2'],
      charity_no: ['Charity number', 'Rhif elusen'],
    }),
  ),
  value: l('Code', 'Cod'),
};

/** Yes or no, as the SSDA903 return records it. */
export const YES_NO: ValueLabels = {
  yes: { en: 'Yes', cy: 'Do' },
  no: { en: 'No', cy: 'Naddo' },
};

/** Low, medium or high. */
export const LOW_MEDIUM_HIGH = {
  low: ['Low', 'Isel'],
  medium: ['Medium', 'Canolig'],
  high: ['High', 'Uchel'],
} as const satisfies Record<string, Pair>;

/** A contact (`{role, name, phone, secureEmail}`). */
export const CONTACT: LabelGroup = {
  role: l('Role', 'Rôl'),
  name: l('Name', 'Enw'),
  phone: l('Telephone', 'Ffôn'),
  secureEmail: l('Secure email', 'E-bost diogel'),
};

/** A place (`{description, postcode, la, pfa}`). */
export const LOCATION: LabelGroup = {
  description: l('Place', 'Lle'),
  postcode: l('Postcode', 'Cod post'),
  la: l('Local authority', 'Awdurdod lleol'),
  pfa: l('Police force area', 'Ardal heddlu'),
};

/** A code in a named list (`{scheme, code, text}`). */
export const CODED: LabelGroup = {
  scheme: l('Code list', 'Rhestr codau'),
  code: l('Code', 'Cod'),
  text: l('Description', 'Disgrifiad'),
};

/** A missing history summary. */
export const MISSING_SUMMARY: LabelGroup = {
  episodeCount: l('Missing episodes', 'Nifer yr achosion o fynd ar goll'),
  firstMissingDate: l('First missing', 'Ar goll am y tro cyntaf'),
  lastMissingDate: l('Last missing', 'Ar goll ddiwethaf'),
};
