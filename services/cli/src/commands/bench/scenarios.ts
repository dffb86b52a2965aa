import { kinds } from '@cwtch/contracts';
import type { Agreement, Route } from '@cwtch/directory';
import { DEMO_AGENCIES, DEMO_AGREEMENTS, DEMO_ROUTES, type DemoAgency } from '../../region/demo-region.ts';

/** One sender's sends in a scenario: a kind to its recipients, every copy under one agreement. */
export interface BenchRoute {
  readonly from: string;
  readonly kind: string;
  readonly to: readonly string[];
  readonly agreement: string;
}

/** A load shape: which agencies send what to whom, in turn. */
export interface Scenario {
  readonly name: ScenarioName;
  readonly title: string;
  readonly routes: readonly BenchRoute[];
  /** Whether `routes` holds candidates, of which each sender keeps the first the region takes. */
  readonly onePerSender: boolean;
}

/** The scenarios `cwtch bench` knows. */
export const SCENARIO_NAMES = ['one', 'three', 'senders'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** The agreement that lets `from` send `kind` to every one of `to`, if one does. */
export function agreementCovering(
  agreements: readonly Agreement[],
  route: { from: string; kind: string; to: readonly string[] },
): Agreement | undefined {
  return agreements.find(
    (a) =>
      a.senders.includes(route.from) &&
      (a.kinds as readonly string[]).includes(route.kind) &&
      route.to.every((to) => a.recipients.includes(to)),
  );
}

function covered(
  agreements: readonly Agreement[],
  route: { from: string; kind: string; to: readonly string[] },
): BenchRoute {
  const agreement = agreementCovering(agreements, route);
  if (!agreement)
    throw new Error(`no demo agreement lets ${route.from} send ${route.kind} to ${route.to.join(', ')}`);
  return { ...route, agreement: agreement.id };
}

/**
 * Each sending agency's candidate routes, best first: its identifiable default routes (first
 * recipient), then each agreement kind its agency type may send to another agency, then its board
 * figures. The bench keeps the first one the region takes (a kind may ask more of some senders).
 */
export function senderRoutes(
  agencies: readonly DemoAgency[],
  agreements: readonly Agreement[],
  routes: readonly Route[],
): BenchRoute[] {
  const out: BenchRoute[] = [];
  for (const agency of agencies) {
    const own = routes.filter((r) => r.from === agency.id);
    const candidates = [
      ...own.filter((r) => r.kind !== 'board-statistics').map((r) => ({ kind: r.kind, to: r.to[0]! })),
      ...agreements
        .filter((a) => a.senders.includes(agency.id))
        .flatMap((a) =>
          (a.kinds as readonly string[])
            .filter((k) => k !== 'board-statistics')
            .filter((k) =>
              (kinds[k as keyof typeof kinds]?.senders as readonly string[] | undefined)?.includes(
                agency.type,
              ),
            )
            .map((kind) => ({ kind, to: a.recipients.find((to) => to !== agency.id) })),
        ),
      ...own.filter((r) => r.kind === 'board-statistics').map((r) => ({ kind: r.kind, to: r.to[0] })),
    ];
    const seen = new Set<string>();
    for (const c of candidates) {
      if (!c.to || seen.has(`${c.kind} ${c.to}`)) continue;
      seen.add(`${c.kind} ${c.to}`);
      out.push(covered(agreements, { from: agency.id, kind: c.kind, to: [c.to] }));
    }
  }
  return out;
}

/** The demo region's scenarios. */
export function demoScenario(name: ScenarioName): Scenario {
  if (name === 'one')
    return {
      name,
      title: 'one recipient: hillside → swansea-cs, care-home-transition',
      routes: [
        covered(DEMO_AGREEMENTS, { from: 'hillside', kind: 'care-home-transition', to: ['swansea-cs'] }),
      ],
      onePerSender: false,
    };
  if (name === 'three') {
    const route = DEMO_ROUTES.find((r) => r.kind === 'cse-protocol-entry')!;
    const r = covered(DEMO_AGREEMENTS, { from: route.from, kind: route.kind, to: route.to });
    return {
      name,
      title: `three recipients: ${r.from} → ${r.to.join(', ')}, ${r.kind}`,
      routes: [r],
      onePerSender: false,
    };
  }
  const routes = senderRoutes(DEMO_AGENCIES, DEMO_AGREEMENTS, DEMO_ROUTES);
  const senders = new Set(routes.map((r) => r.from)).size;
  return {
    name,
    title: `many senders at once: ${senders} agencies, each to one recipient`,
    routes,
    onePerSender: true,
  };
}

/** The key of a route's payload: the example of its kind as its sender would write it. */
export function payloadKey(route: { from: string; kind: string }): string {
  return `${route.from} ${route.kind}`;
}

/**
 * An example payload as `agency` would send it: its type and organisation in `sender`, and, where
 * the example's sender is of another type, public task (6(1)(e)) for legitimate interests
 * (6(1)(f)), which a public authority may not rely on.
 */
export function asSender(payload: Record<string, unknown>, agency: DemoAgency): Record<string, unknown> {
  const sender = payload.sender as Record<string, unknown> | undefined;
  if (!sender) return payload;
  const code = agency.codes[0];
  // An example whose organisation carries no name keeps it so (some kinds allow none).
  const named = (sender.org as { name?: string } | undefined)?.name ? { name: agency.name } : {};
  const basis = payload.lawfulBasis as { ukGdprArt6?: unknown } | undefined;
  const art6 =
    sender.agencyType !== agency.type && Array.isArray(basis?.ukGdprArt6) ? basis.ukGdprArt6 : undefined;
  return {
    ...payload,
    ...(art6
      ? {
          lawfulBasis: {
            ...basis,
            ukGdprArt6: [...new Set(art6.map((b) => (b === '6(1)(f)' ? '6(1)(e)' : b)))],
          },
        }
      : {}),
    sender: {
      ...sender,
      agencyType: agency.type,
      ...(code
        ? { org: { ...(sender.org as object), scheme: code.scheme, value: code.value, ...named } }
        : {}),
    },
  };
}
