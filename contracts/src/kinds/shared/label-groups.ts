/** A field's label in English and Welsh. */
export interface FieldLabel {
  readonly en: string;
  readonly cy: string;
}

/** Labels keyed by field path relative to some object. */
export type LabelGroup = Readonly<Record<string, FieldLabel>>;

/** A label. */
export function l(en: string, cy: string): FieldLabel {
  return { en, cy };
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
  scheme: l('Code type', 'Math o god'),
  value: l('Code', 'Cod'),
};

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

/** A placement. */
export const PLACEMENT: LabelGroup = {
  ...nest('type', l('Placement type', 'Math o leoliad'), CODED),
  provider: l('Provider', 'Darparwr'),
  settingName: l('Name of home or setting', "Enw'r cartref neu'r lleoliad"),
  ...nest('settingRef', l('Registration reference', 'Cyfeirnod cofrestru'), {
    scheme: l('Regulator', 'Rheoleiddiwr'),
    value: l('Reference', 'Cyfeirnod'),
  }),
  postcode: l('Postcode', 'Cod post'),
  confidential: l('Confidential placement', 'Lleoliad cyfrinachol'),
  la: l('Local authority', 'Awdurdod lleol'),
};
