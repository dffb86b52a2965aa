import { z } from 'zod';
import { POLICE_FORCES, type PoliceForce, policeForce } from './police-forces.ts';

/** A Welsh police force area (reference §3.4). */
export type WelshPoliceForce = PoliceForce;

/** The four Welsh police forces, W15000001–W15000004. */
export const WELSH_POLICE_FORCES: readonly WelshPoliceForce[] = POLICE_FORCES.filter(
  (force) => force.jurisdiction === 'wales',
);

/**
 * A police force by ONS police force area code: the 43 territorial forces of England
 * (`E23000001`–`E23000039`) and Wales (`W15000001`–`W15000004`), Police Scotland (`S23000009`),
 * or this project's codes `PSNI` and `BTP` for the two forces without an ONS code (Northern
 * Ireland's and British Transport Police). Police National Computer force numbers are not used
 * (unverified).
 */
export const PoliceForceCode = z
  .string()
  .regex(
    /^(?:W1500000[1-4]|E230000(?:0[1-9]|[12]\d|3\d)|S23000009|PSNI|BTP)$/,
    'must be the ONS code of a police force area (E23…, W15…, S23000009), PSNI or BTP',
  );
export type PoliceForceCode = z.infer<typeof PoliceForceCode>;

/** True for the code of a police force this project knows. Never throws. */
export function isValidPoliceForceCode(input: unknown): boolean {
  return PoliceForceCode.safeParse(input).success;
}

/** The Welsh police force with this PFA code, or `undefined`. */
export function welshPoliceForce(code: string): WelshPoliceForce | undefined {
  const force = policeForce(code);
  return force?.jurisdiction === 'wales' ? force : undefined;
}
