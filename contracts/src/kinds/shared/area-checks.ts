import { forceCovers } from '../../identifiers/index.ts';
import { welshLocalAuthority } from '../../identifiers/local-authority-code.ts';

/**
 * Whether police force `pfa` may be named for local authority `la` (the identifiers' authority →
 * force table: the territorial force, or British Transport Police). Every kind's authority →
 * force rule calls this one function.
 */
export function forceCoversAuthority(la: string, pfa: string): boolean {
  return forceCovers(pfa, la);
}

/** Whether health board `lhb` (ODS code) covers Welsh local authority `la`; undefined outside Wales. */
export function healthBoardCoversAuthority(la: string, lhb: string): boolean | undefined {
  const board = welshLocalAuthority(la)?.healthBoard;
  return board === undefined ? undefined : board === lhb;
}
