import { childrensServicesAuthority } from './authorities.ts';
import { welshHealthBoard } from './health-board-code.ts';
import { policeForce } from './police-forces.ts';

/**
 * The English and Welsh names of an organisation code a payload may hold: an English or Welsh
 * children's services authority (ONS GSS), a police force (ONS PFA, or `BTP`) or a Welsh health
 * board (ODS or GSS); `undefined` for any other value. Never throws.
 *
 * @example organisationName('E08000027') // { en: 'Dudley', cy: 'Dudley' }
 */
export function organisationName(code: unknown): { readonly en: string; readonly cy: string } | undefined {
  if (typeof code !== 'string') return undefined;
  return (childrensServicesAuthority(code) ?? policeForce(code) ?? welshHealthBoard(code))?.name;
}
