import {
  childrensServicesAuthority,
  type KindName,
  kinds,
  policeForceFor,
  type RouteReason,
  type RouteResponse,
  welshLocalAuthority,
} from '@cwtch/contracts';
import type { Agency, DirectoryView } from '@cwtch/directory';
import { CwtchError, ErrorCode } from '@cwtch/runtime';

/** Why routing chose an agency: the part it plays for an area the payload names, or a fixed rule. */
export type RouteRole = RouteReason['role'];

/** The answer of routing (the dry run's body): who, under which agreement, and who was left out. */
export type RouteAnswer = RouteResponse;

const hasCode = (a: Agency, scheme: string, value: string) =>
  a.codes.some((c) => c.scheme === scheme && c.value === value);

/**
 * The directory's agencies for one local authority (DESIGN §6a): its children's services front
 * door (a `childrens-services` agency serving the area), the police force whose area contains it
 * (by force code, else a police agency serving the area), and for a Welsh authority its health board.
 */
function agenciesForArea(view: DirectoryView, la: string): { agency: Agency; role: RouteRole }[] {
  const agencies = view.directory.agencies;
  const serving = (type: Agency['type']) => agencies.filter((a) => a.type === type && a.areas.includes(la));
  const out: { agency: Agency; role: RouteRole }[] = serving('childrens-services').map((agency) => ({
    agency,
    role: 'front-door',
  }));
  const force = policeForceFor(la);
  const police = force ? agencies.filter((a) => a.type === 'police' && hasCode(a, 'ons_pfa', force)) : [];
  for (const agency of police.length > 0 ? police : serving('police')) out.push({ agency, role: 'police' });
  const board = welshLocalAuthority(la)?.healthBoard;
  if (board) {
    for (const agency of agencies.filter((a) => a.type === 'health-board' && hasCode(a, 'nhs_ods', board)))
      out.push({ agency, role: 'health-board' });
  }
  return out;
}

/** A local authority's name for a message (its code when not in the tables). */
const areaName = (la: string) => {
  const name = childrensServicesAuthority(la)?.name.en;
  return name ? `${name} (${la})` : la;
};

/**
 * Who a notification goes to when its sender names nobody (DESIGN §6a): for every local
 * authority the payload names, the directory's front door serving it, its police force and (in
 * Wales) its health board, plus the directory's fixed routes for this sender and kind; then the
 * sharing agreements filter the list. One agreement must cover every recipient, as one envelope
 * states one agreement.
 *
 * An area is never silently dropped: refuses with NO_ROUTE_FOR_AREA (naming it) when it has no
 * front door in the directory, and with NO_AGREEMENT (naming it) when none of its agencies may
 * receive this kind from this sender, or when no single agreement covers the list.
 */
export function routeNotification(
  view: DirectoryView,
  sender: string,
  kind: KindName,
  payload: unknown,
  purpose: string | undefined,
): RouteAnswer {
  const found = new Map<string, { agency: Agency; because: RouteReason[] }>();
  const add = (agency: Agency, reason: RouteReason) => {
    const entry = found.get(agency.id) ?? { agency, because: [] };
    entry.because.push(reason);
    found.set(agency.id, entry);
  };
  const areas = kinds[kind].areas(payload);
  const byArea = new Map<string, { agency: Agency; role: RouteRole }[]>();
  for (const { la, role } of areas) {
    const forArea = byArea.get(la) ?? agenciesForArea(view, la);
    byArea.set(la, forArea);
    const name = childrensServicesAuthority(la)?.name.en ?? null;
    for (const a of forArea) add(a.agency, { role: a.role, area: { la, role, name } });
  }
  for (const id of view.routeFor(sender, kind)) {
    const agency = view.agency(id);
    if (agency) add(agency, { role: 'rule' });
  }

  const eligible = (id: string) => id !== sender && view.agreementFor(sender, id, kind, purpose) !== null;
  for (const [la, forArea] of byArea) {
    if (!forArea.some((a) => a.role === 'front-door')) {
      throw new CwtchError(
        ErrorCode.NO_ROUTE_FOR_AREA,
        `no agency in the directory is the front door for ${areaName(la)}: name the recipients, or phone that authority`,
      );
    }
    // The sender itself serving an area informs it; otherwise some agency of the area must be reachable.
    if (!forArea.some((a) => a.agency.id === sender || eligible(a.agency.id))) {
      throw new CwtchError(
        ErrorCode.NO_AGREEMENT,
        `no sharing agreement lets ${sender} send ${kind} to any agency serving ${areaName(la)} (${forArea.map((a) => a.agency.id).join(', ')})`,
      );
    }
  }

  const recipients: string[] = [];
  const skipped: RouteAnswer['skipped'] = [];
  for (const [id, { agency, because }] of found) {
    if (eligible(id)) recipients.push(id);
    else
      skipped.push({
        agency: id,
        name: agency.name,
        reason: id === sender ? 'SENDER' : 'NO_AGREEMENT',
        because,
      });
  }
  if (recipients.length === 0)
    throw new CwtchError(ErrorCode.NO_RECIPIENTS, `no recipients given and no route for ${kind}`);
  const agreement = view.agreementFor(sender, recipients, kind, purpose);
  if (!agreement) {
    throw new CwtchError(
      ErrorCode.NO_AGREEMENT,
      `no single sharing agreement covers every routed recipient (${recipients.join(', ')}); send to each group separately`,
    );
  }
  return {
    recipients: recipients.map((id) => ({
      agency: id,
      name: found.get(id)!.agency.name,
      agreement: agreement.id,
      because: found.get(id)!.because,
    })),
    skipped,
    agreement: { id: agreement.id, title: agreement.title },
  };
}
