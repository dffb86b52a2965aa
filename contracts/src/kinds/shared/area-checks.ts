import { welshLocalAuthority } from '../../identifiers/local-authority-code.ts';

/**
 * Whether police force area `pfa` covers local authority `la`: true or false where the
 * identifier tables know the authority's force, undefined where they do not (nothing is refused
 * then). Every kind's authority → force rule calls this one function.
 */
export function forceCoversAuthority(la: string, pfa: string): boolean | undefined {
  const force = welshLocalAuthority(la)?.policeForce;
  return force === undefined ? undefined : force === pfa;
}

/** Whether health board `lhb` (ODS code) covers Welsh local authority `la`; undefined outside Wales. */
export function healthBoardCoversAuthority(la: string, lhb: string): boolean | undefined {
  const board = welshLocalAuthority(la)?.healthBoard;
  return board === undefined ? undefined : board === lhb;
}
