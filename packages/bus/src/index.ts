export { connectBus, type BusOptions } from './connect-bus.ts';
export { provisionBus, type ProvisionOptions } from './provision.ts';
export { publishDurable, type PublishOptions } from './publish-durable.ts';
export { runConsumer, type Disposition, type RunningConsumer } from './run-consumer.ts';
export {
  AUDIT_CONSUMER,
  AUDIT_STREAM,
  AUDIT_SUBJECT,
  type BusSubject,
  DIRECTORY_BUCKET,
  inboxConsumer,
  parseSubject,
  receiptSubject,
  SHARES_STREAM,
  shareSubject,
} from './subjects.ts';
export { DeliverPolicy, jetstream, jetstreamManager, type JetStreamClient, type JsMsg } from '@nats-io/jetstream';
export { Kvm, type KV } from '@nats-io/kv';
export type { NatsConnection } from '@nats-io/transport-node';
export {
  findNatsServer,
  freePort,
  natsServerVersion,
  type NatsServerHandle,
  type NatsServerOptions,
  startNatsServer,
  stopProcess,
  writeNatsConfig,
} from './nats-server.ts';
