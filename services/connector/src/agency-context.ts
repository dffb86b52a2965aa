import type { EventEmitter } from 'node:events';
import type { JetStreamClient, PublishGroup } from '@cwtch/bus';
import type { DirectoryWatcher } from '@cwtch/directory';
import type { Logger } from '@cwtch/runtime';
import type { LogFigures } from './board/log-figures-client.ts';
import type { CollectionView } from './collection-state.ts';
import type { InboxStore } from './inbox-store.ts';
import type { Keyring } from './keyring.ts';
import type { Metrics } from './metrics.ts';

/** Everything the connector's parts share: who we are, our keys, the directory, the bus, the store. */
export interface AgencyContext {
  readonly agency: string;
  readonly keyring: Keyring;
  readonly directory: DirectoryWatcher;
  readonly js: JetStreamClient;
  /** Durable publishes of share copies and receipts, each turn's at once (an atomic batch when many). */
  readonly publisher: PublishGroup;
  readonly store: InboxStore;
  readonly subjectKey: Uint8Array;
  readonly maxTtlMs: number;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Emits `notification` (an inbox item summary) and `receipt` events for live views. */
  readonly events: EventEmitter;
  /** Which agencies have stopped collecting their inbox (from the audit service; never blocks). */
  readonly collection: CollectionView;
  /** The share log's figures for a month (the board's connector reconciles its sheet with them). */
  readonly logFigures?: ((month: string) => Promise<LogFigures | null>) | undefined;
}
