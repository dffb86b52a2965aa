import { organisationName } from '../../identifiers/index.ts';
import type { Label } from './label-groups.ts';

/**
 * The name, in English and Welsh, of an organisation code a payload may hold in any field: a
 * children's services authority (ONS GSS), a police force or a health board; undefined for any
 * other value. Names come from the identifier tables, so a code added there is named on every page.
 */
export function codeName(value: string): Label | undefined {
  return organisationName(value);
}
