import { z } from 'zod';

/** A Welsh police force area (reference §3.4). */
export interface WelshPoliceForce {
  /** ONS police force area code (`W15…`). */
  readonly code: string;
  readonly name: { readonly en: string; readonly cy: string };
  /** data.police.uk force id; `north-wales` and `south-wales` follow the pattern but are unverified. */
  readonly policeUkId: string;
}

/** The four Welsh police forces. */
export const WELSH_POLICE_FORCES: readonly WelshPoliceForce[] = [
  {
    code: 'W15000001',
    name: { en: 'North Wales Police', cy: 'Heddlu Gogledd Cymru' },
    policeUkId: 'north-wales',
  },
  { code: 'W15000002', name: { en: 'Gwent Police', cy: 'Heddlu Gwent' }, policeUkId: 'gwent' },
  { code: 'W15000003', name: { en: 'South Wales Police', cy: 'Heddlu De Cymru' }, policeUkId: 'south-wales' },
  {
    code: 'W15000004',
    name: { en: 'Dyfed-Powys Police', cy: 'Heddlu Dyfed-Powys' },
    policeUkId: 'dyfed-powys',
  },
];

/**
 * A police force area by ONS PFA code: Welsh `W15000001`–`W15000004` or English
 * `E23000001`–`E23000039`. Police National Computer force numbers are not used (unverified).
 */
export const PoliceForceCode = z
  .string()
  .regex(
    /^(?:W1500000[1-4]|E230000(?:0[1-9]|[12]\d|3\d))$/,
    'must be the ONS code of a police force area (W15000001–W15000004 or E23000001–E23000039)',
  );
export type PoliceForceCode = z.infer<typeof PoliceForceCode>;

/** True for a Welsh or English police force area code. Never throws. */
export function isValidPoliceForceCode(input: unknown): boolean {
  return PoliceForceCode.safeParse(input).success;
}

/** The Welsh police force with this PFA code, or `undefined`. */
export function welshPoliceForce(code: string): WelshPoliceForce | undefined {
  return WELSH_POLICE_FORCES.find((force) => force.code === code);
}
