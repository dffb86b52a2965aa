import { welshHealthBoard } from '../../identifiers/health-board-code.ts';
import { welshLocalAuthority } from '../../identifiers/local-authority-code.ts';
import { welshPoliceForce } from '../../identifiers/police-force-code.ts';
import type { Label } from './label-groups.ts';

/**
 * The name, in English and Welsh, of an organisation code a payload may hold in any field: a
 * local authority (ONS GSS), a police force area (ONS PFA) or a health board (ODS or GSS);
 * undefined for any other value. Names come from the identifier tables, so a code added there
 * is named on every page.
 */
export function codeName(value: string): Label | undefined {
  const found = welshLocalAuthority(value) ?? welshPoliceForce(value) ?? welshHealthBoard(value) ?? undefined;
  return found?.name;
}
