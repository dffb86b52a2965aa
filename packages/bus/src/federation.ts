import type { StreamSource } from '@nats-io/jetstream';
import { type NatsUser, renderUsers } from './nats-permissions.ts';
import { SHARES_STREAM } from './subjects.ts';

/**
 * One region of a federation (DESIGN §7, "Beyond one region"): regions are NATS clusters joined
 * by gateways into one super-cluster, each region an account of its own (its streams, its users,
 * nothing of it visible to another region's users). What crosses is what the cross-region
 * statements admit: each region's SHARES sources, from every other region's SHARES, the share
 * copies and statements addressed to its own agencies that may receive across the border.
 */
export interface FederatedRegion {
  /** The region's name: its gateway, cluster and account are named after it. */
  readonly region: string;
  /** Its NATS users (operator, audit service, agencies), in its own account. */
  readonly users: readonly NatsUser[];
  /** Its agencies that another region may address, by that region: `{ 'west-midlands': ['wrexham-cs', ...] }`. */
  readonly receivesFrom: Readonly<Record<string, readonly string[]>>;
}

/** The NATS account a region's users and streams live in. */
export function regionAccount(region: string): string {
  return region.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** The subjects of SHARES addressed to these agencies: their share copies and the statements to them. */
export function addressedTo(agencies: readonly string[]): string[] {
  return agencies.flatMap((a) => [`cwtch.share.${a}.*`, `cwtch.receipt.${a}.*`]);
}

/** The prefix under which `to` reaches `from`'s JetStream API (only the consumer creations exported to it). */
const apiPrefix = (from: string) => `cwtch.xr.${from}.api`;
/** Where `from`'s SHARES delivers what `to` sources from it. */
const deliverPrefix = (from: string, to: string) => `cwtch.xr.${from}.deliver.${to}`;
/** Creating a consumer on SHARES filtered to exactly `filter` (nats-server checks the body against the subject). */
const consumerCreate = (filter: string) => `$JS.API.CONSUMER.CREATE.${SHARES_STREAM}.*.${filter}`;

/**
 * The sources of region `to`'s SHARES stream: from every other region, one per subject addressed
 * to one of `to`'s agencies that region may send to. Each resumes where it stopped after a
 * gateway outage (JetStream tracks the source's sequence), so nothing is lost or stored twice.
 */
export function sharesSources(regions: readonly FederatedRegion[], to: string): StreamSource[] {
  const home = regions.find((r) => r.region === to);
  if (!home) throw new Error(`region ${to} is not in the federation`);
  return Object.entries(home.receivesFrom).flatMap(([from, agencies]) =>
    addressedTo(agencies).map((filter) => ({
      name: SHARES_STREAM,
      filter_subject: filter,
      external: { api: apiPrefix(from), deliver: deliverPrefix(from, to) },
    })),
  );
}

/**
 * nats-server's `accounts` block for a federation, the same on every server of every region:
 * each region's users in its account, and between regions only the exports and imports that
 * sourcing the admitted subjects needs (consumer creation with exactly those filters, the
 * delivery subject, flow control). A region can read nothing else of another, and write nothing
 * into it: what arrives is what the other region's SHARES took from its own agencies.
 */
export function renderAccounts(regions: readonly FederatedRegion[]): string {
  const blocks = regions.map((r) => {
    const account = regionAccount(r.region);
    const exports: string[] = [];
    const imports: string[] = [];
    for (const peer of regions) {
      if (peer.region === r.region) continue;
      const peerAccount = regionAccount(peer.region);
      // What the peer sources from this region: subjects addressed to the peer's admitted agencies.
      const theirs = peer.receivesFrom[r.region] ?? [];
      if (theirs.length > 0) {
        for (const filter of addressedTo(theirs))
          exports.push(`{ service: ${JSON.stringify(consumerCreate(filter))}, accounts: [${peerAccount}] }`);
        exports.push(
          `{ stream: ${JSON.stringify(`${deliverPrefix(r.region, peer.region)}.>`)}, accounts: [${peerAccount}] }`,
        );
      }
      // What this region sources from the peer.
      const ours = r.receivesFrom[peer.region] ?? [];
      if (ours.length > 0) {
        for (const filter of addressedTo(ours))
          imports.push(
            `{ service: { account: ${peerAccount}, subject: ${JSON.stringify(consumerCreate(filter))} }, to: ${JSON.stringify(
              `${apiPrefix(peer.region)}.CONSUMER.CREATE.${SHARES_STREAM}.*.${filter}`,
            )} }`,
          );
        imports.push(
          `{ stream: { account: ${peerAccount}, subject: ${JSON.stringify(`${deliverPrefix(peer.region, r.region)}.>`)} } }`,
        );
      }
    }
    return [
      `  ${account}: {`,
      '    jetstream: enabled',
      renderUsers(r.users, '    '),
      `    exports: [${exports.length ? `\n      ${exports.join('\n      ')}\n    ` : ''}]`,
      `    imports: [${imports.length ? `\n      ${imports.join('\n      ')}\n    ` : ''}]`,
      '  }',
    ].join('\n');
  });
  return ['accounts {', ...blocks, '}'].join('\n');
}
