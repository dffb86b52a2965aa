import type { RefinementCtx } from 'zod';
import { forceCovers, identifierIssue } from '../../identifiers/index.ts';
import { welshLocalAuthority } from '../../identifiers/local-authority-code.ts';

/**
 * Whether police force `pfa` may be named for local authority `la` (the identifiers' authority →
 * force table: the territorial force, or British Transport Police). Every kind's authority →
 * force rule calls this one function.
 */
export function forceCoversAuthority(la: string, pfa: string): boolean {
  return forceCovers(pfa, la);
}

/** Adds POLICE_FORCE_NOT_FOR_AREA at `path` unless police force `pfa` covers local authority `la`. */
export function refuseForceOutsideArea(
  ctx: Pick<RefinementCtx, 'addIssue'>,
  path: readonly (string | number)[],
  la: string,
  pfa: string,
): void {
  if (!forceCoversAuthority(la, pfa))
    ctx.addIssue({ ...identifierIssue('POLICE_FORCE_NOT_FOR_AREA'), path: [...path] });
}

/** Whether health board `lhb` (ODS code) covers Welsh local authority `la`; undefined outside Wales. */
export function healthBoardCoversAuthority(la: string, lhb: string): boolean | undefined {
  const board = welshLocalAuthority(la)?.healthBoard;
  return board === undefined ? undefined : board === lhb;
}
