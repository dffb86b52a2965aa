export type { StreamSource } from '@nats-io/jetstream';
export {
  AckPolicy,
  type ConsumerInfo,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
  StorageType,
} from '@nats-io/jetstream';
export { type KV, Kvm } from '@nats-io/kv';
export type { NatsConnection } from '@nats-io/transport-node';
export {
  AUDIT_MAX_ENTRY_BYTES,
  type BusLimits,
  DEFAULT_BUS_LIMITS,
  HEADER_ALLOWANCE_BYTES,
  MAX_SIGNED_DIRECTORY_BYTES,
  sharesMaxMessageBytes,
} from './bus-limits.ts';
export { type BusOptions, connectBus } from './connect-bus.ts';
export {
  addressedTo,
  type FederatedRegion,
  regionAccount,
  renderAccounts,
  sharesSources,
} from './federation.ts';
export { readInboxConsumers } from './inbox-consumers.ts';
export { type LeafNodeConfig, writeLeafNodeConfig } from './leaf-node-config.ts';
export {
  leafDomain,
  leafOutboxStream,
  leafSharesSource,
  outboxSubjects,
  provisionLeafOutbox,
} from './leaf-outbox.ts';
export {
  type AgencyPeers,
  agencyLeafPermissions,
  agencyLocalLeafPermissions,
  agencyPermissions,
  agreementPeers,
  auditPermissions,
  inboxPrefixOf,
  inJetStreamDomain,
  type NatsPermissions,
  type NatsUser,
  renderAuthorization,
  renderUsers,
} from './nats-permissions.ts';
export {
  findNatsServer,
  freePort,
  type NatsServerHandle,
  type NatsServerOptions,
  natsServerVersion,
  renderTemplate,
  startNatsServer,
  stopProcess,
  writeNatsConfig,
} from './nats-server.ts';
export {
  createNkeyUser,
  credsAuth,
  type NkeySigner,
  nkeyAuth,
  nkeyPublicKey,
  nkeySigner,
} from './nkey-native.ts';
export { addSharesSources, type ProvisionOptions, provisionBus } from './provision.ts';
export {
  type BatchAck,
  type BatchMessage,
  MAX_BATCH_MESSAGES,
  publishBatch,
} from './publish-batch.ts';
export { type PublishOptions, publishDurable } from './publish-durable.ts';
export { BATCH_FROM, PublishGroup, type PublishGroupCounts } from './publish-group.ts';
export { type AgencyUsage, type BusUsage, type PairUsage, readBusUsage } from './read-bus-usage.ts';
export { runBatchConsumer } from './run-batch-consumer.ts';
export { type Disposition, type RunningConsumer, runConsumer } from './run-consumer.ts';
export {
  restoreStream,
  type StreamBackupOptions,
  type StreamSnapshotInfo,
  snapshotStream,
} from './stream-backup.ts';
export {
  AUDIT_API,
  AUDIT_CONSUMER,
  AUDIT_STREAM,
  AUDIT_SUBJECT,
  type BusSubject,
  CHECKPOINT_STREAM,
  CHECKPOINT_SUBJECT,
  cosignatureSubject,
  DEAD_LETTER_STREAM,
  DIRECTORY_BUCKET,
  deadLetterSubject,
  inboxConsumer,
  parseSubject,
  receiptSubject,
  SHARES_STREAM,
  shareSubject,
} from './subjects.ts';
