import {
  AUDIT_API,
  AUDIT_CONSUMER,
  AUDIT_STREAM,
  AUDIT_SUBJECT,
  CHECKPOINT_STREAM,
  CHECKPOINT_SUBJECT,
  cosignatureSubject,
  DEAD_LETTER_STREAM,
  DIRECTORY_BUCKET,
  deadLetterSubject,
  inboxConsumer,
  receiptSubject,
  SHARES_STREAM,
  shareSubject,
} from './subjects.ts';

/** Publish and subscribe allow-lists of one NATS user (everything else is denied). */
export interface NatsPermissions {
  readonly publish: readonly string[];
  readonly subscribe: readonly string[];
  /** May answer requests it received (reply subjects are allowed for the reply only). */
  readonly allowResponses?: boolean;
}

/** A NATS user: its nkey public key and, unless it is the operator, its permissions. */
export interface NatsUser {
  readonly name: string;
  readonly nkey: string;
  readonly permissions: NatsPermissions | null;
}

/** The reply-subject prefix a client must use: its replies can reach only it. */
export function inboxPrefixOf(name: string): string {
  return `_INBOX_${name}`;
}

const KV_STREAM = `KV_${DIRECTORY_BUCKET}`;

/** Reading the signed directory from its KV bucket (stream info, watch, get). */
function directoryReader(): string[] {
  return [
    `$JS.API.STREAM.INFO.${KV_STREAM}`,
    `$JS.API.CONSUMER.CREATE.${KV_STREAM}.>`,
    `$JS.API.CONSUMER.DELETE.${KV_STREAM}.>`,
    `$JS.API.CONSUMER.INFO.${KV_STREAM}.>`,
    `$JS.API.CONSUMER.MSG.NEXT.${KV_STREAM}.>`,
    `$JS.API.DIRECT.GET.${KV_STREAM}.>`,
    `$JS.API.STREAM.MSG.GET.${KV_STREAM}`,
    `$JS.FC.${KV_STREAM}.>`,
  ];
}

/** Pulling from and acknowledging one pre-provisioned durable consumer (no create, no other). */
function durableReader(stream: string, durable: string): string[] {
  return [
    `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
    `$JS.ACK.${stream}.${durable}.>`,
  ];
}

/** Who an agency exchanges shares with: the agencies it may send to, and those that may send to it. */
export interface AgencyPeers {
  readonly sendsTo: readonly string[];
  readonly receivesFrom: readonly string[];
}

/**
 * An agency's peers under the sharing agreements (senders and recipients of each), itself and
 * agencies outside `known` (the directory's agencies) left out.
 */
export function agreementPeers(
  agreements: readonly { readonly senders: readonly string[]; readonly recipients: readonly string[] }[],
  agency: string,
  known?: ReadonlySet<string>,
): AgencyPeers {
  const sendsTo = new Set<string>();
  const receivesFrom = new Set<string>();
  const ok = (a: string) => a !== agency && (!known || known.has(a));
  for (const g of agreements) {
    if (g.senders.includes(agency)) for (const r of g.recipients.filter(ok)) sendsTo.add(r);
    if (g.recipients.includes(agency)) for (const s of g.senders.filter(ok)) receivesFrom.add(s);
  }
  return { sendsTo: [...sendsTo].sort(), receivesFrom: [...receivesFrom].sort() };
}

/**
 * What an agency's connector may do (DESIGN §5): publish share copies only to the agencies an
 * agreement lets it send to (`cwtch.share.<to>.<self>`) and statements (receipts, recalls,
 * escalations) only to the agencies it shares with either way (`cwtch.receipt.<peer>.<self>`), pull from its own durable consumer, read the directory,
 * ask the audit service for proofs, recipients' collection state and the log's monthly figures,
 * and receive replies only on its own inbox prefix. No stream reads, no consumer creation, no other API.
 * Publishing to an agency outside its agreements is a permissions violation.
 */
export function agencyPermissions(agency: string, peers: AgencyPeers): NatsPermissions {
  return {
    publish: [
      ...peers.sendsTo.map((to) => shareSubject(to, agency)),
      // Statements between a share's parties (docs/protocol.md §7) go both ways: a recipient's
      // receipts to its senders, a sender's recalls and escalations to its recipients.
      ...[...new Set([...peers.receivesFrom, ...peers.sendsTo])]
        .sort()
        .map((peer) => receiptSubject(peer, agency)),
      ...durableReader(SHARES_STREAM, inboxConsumer(agency)),
      ...directoryReader(),
      // Witness: ask for proofs, publish its own cosignatures.
      AUDIT_API.checkpoint,
      AUDIT_API.consistency,
      // Sender: ask which recipients have stopped collecting their inbox.
      AUDIT_API.collection,
      // The board's connector: what the log knows of each agency in a month, to reconcile.
      AUDIT_API.figures,
      cosignatureSubject(agency),
      deadLetterSubject(agency),
    ],
    subscribe: [`${inboxPrefixOf(agency)}.>`, CHECKPOINT_SUBJECT],
  };
}

/** The same permissions with every JetStream API subject in `domain` (`$JS.<domain>.API.…`). */
export function inJetStreamDomain(permissions: NatsPermissions, domain: string): NatsPermissions {
  const map = (s: string) =>
    s.startsWith('$JS.API.') ? `$JS.${domain}.API.${s.slice('$JS.API.'.length)}` : s;
  return { ...permissions, publish: permissions.publish.map(map), subscribe: permissions.subscribe.map(map) };
}

/**
 * What an agency's connector may do on its own leaf node (the leaf's local user): what
 * {@link agencyPermissions} allows a direct connection, with the region's JetStream reached
 * through its domain. Sending outside the agreements is refused here, at the agency's node.
 */
export function agencyLocalLeafPermissions(agency: string, peers: AgencyPeers, regionDomain: string) {
  return inJetStreamDomain(agencyPermissions(agency, peers), regionDomain);
}

/**
 * What the region lets an agency's leaf node do over its link (the agency's nkey user, leaf
 * connection): "publish" is what the leaf may send into the region, "subscribe" what the region
 * sends it. Share copies and statements do not cross live: SHARES sources them from the leaf's
 * outbox stream (`outbox`, in JetStream domain `leafDomain`), so the region asks the leaf to
 * create the source's consumer, answers its flow control, and takes its deliveries and
 * heartbeats. Everything else is a direct connection's: its inbox durable and the directory
 * through the region's domain, the audit service's API, its cosignatures and dead letters.
 * Subjects found with nats-server 2.15 (trace of a sourced stream across a leaf link).
 */
export function agencyLeafPermissions(
  agency: string,
  peers: AgencyPeers,
  domains: { readonly region: string; readonly leaf: string; readonly outbox: string },
): NatsPermissions {
  const direct = inJetStreamDomain(agencyPermissions(agency, peers), domains.region);
  const sends = new Set([
    ...peers.sendsTo.map((to) => shareSubject(to, agency)),
    ...[...peers.receivesFrom, ...peers.sendsTo].map((peer) => receiptSubject(peer, agency)),
  ]);
  return {
    publish: [
      ...direct.publish.filter((s) => !sends.has(s)),
      // The source's deliveries and idle heartbeats (`$JS.S.<id>`), and the answer to its
      // consumer creation (`$JSC.R.<id>`).
      '$JS.S.*',
      '$JSC.R.*',
    ],
    subscribe: [
      ...direct.subscribe,
      `$JS.${domains.leaf}.API.CONSUMER.CREATE.${domains.outbox}`,
      `$JS.FC.${domains.outbox}.>`,
    ],
  };
}

/** What the audit service may do: read SHARES through its durable, append to and replay AUDIT, read the directory. */
export function auditPermissions(): NatsPermissions {
  return {
    publish: [
      AUDIT_SUBJECT,
      '$JS.API.INFO',
      `$JS.API.STREAM.INFO.${AUDIT_STREAM}`,
      `$JS.API.CONSUMER.CREATE.${AUDIT_STREAM}.>`,
      `$JS.API.CONSUMER.DELETE.${AUDIT_STREAM}.>`,
      `$JS.API.CONSUMER.INFO.${AUDIT_STREAM}.>`,
      `$JS.API.CONSUMER.MSG.NEXT.${AUDIT_STREAM}.>`,
      `$JS.FC.${AUDIT_STREAM}.>`,
      `$JS.API.STREAM.MSG.GET.${AUDIT_STREAM}`,
      `$JS.API.DIRECT.GET.${AUDIT_STREAM}`,
      ...durableReader(SHARES_STREAM, AUDIT_CONSUMER),
      ...directoryReader(),
      // Retained envelopes, for evidence bundles.
      `$JS.API.STREAM.MSG.GET.${SHARES_STREAM}`,
      `$JS.API.DIRECT.GET.${SHARES_STREAM}`,
      // Storage and backlog per agency, for its metrics (readBusUsage): counts, never contents.
      `$JS.API.STREAM.INFO.${SHARES_STREAM}`,
      `$JS.API.STREAM.INFO.${DEAD_LETTER_STREAM}`,
      `$JS.API.CONSUMER.INFO.${SHARES_STREAM}.*`,
      `$JS.API.CONSUMER.LIST.${SHARES_STREAM}`,
      // Checkpoints: publish, and replay their history (cosignatures included) at start.
      CHECKPOINT_SUBJECT,
      `$JS.API.STREAM.INFO.${CHECKPOINT_STREAM}`,
      `$JS.API.CONSUMER.CREATE.${CHECKPOINT_STREAM}.>`,
      `$JS.API.CONSUMER.DELETE.${CHECKPOINT_STREAM}.>`,
      `$JS.API.CONSUMER.INFO.${CHECKPOINT_STREAM}.>`,
      `$JS.API.CONSUMER.MSG.NEXT.${CHECKPOINT_STREAM}.>`,
      `$JS.FC.${CHECKPOINT_STREAM}.>`,
    ],
    subscribe: [`${inboxPrefixOf('audit')}.>`, 'cwtch.audit.api.>', 'cwtch.audit.cosig.*'],
    allowResponses: true,
  };
}

/** `users = [...]` for these users (nkey and, unless operator, permissions), each line indented by `indent`. */
export function renderUsers(users: readonly NatsUser[], indent = '  '): string {
  const lines = users.map((u) => {
    const perms = u.permissions
      ? `, permissions: { publish: { allow: ${JSON.stringify(u.permissions.publish)} }, subscribe: { allow: ${JSON.stringify(u.permissions.subscribe)} }${u.permissions.allowResponses ? ', allow_responses: true' : ''} }`
      : '';
    return `${indent}  # ${u.name}\n${indent}  { nkey: ${JSON.stringify(u.nkey)}${perms} }`;
  });
  return [`${indent}users = [`, lines.join(',\n'), `${indent}]`].join('\n');
}

/** The `authorization { users = [...] }` block of nats-server's configuration for these users. */
export function renderAuthorization(users: readonly NatsUser[]): string {
  return ['authorization {', renderUsers(users, '  '), '}'].join('\n');
}
