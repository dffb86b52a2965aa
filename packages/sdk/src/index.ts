export {
  type ConnectorClient,
  type ConnectorClientOptions,
  CwtchApiError,
  createConnectorClient,
  type InboxFilter,
  type OutboxShare,
  type OutboxStatement,
  type RespondRequest,
  type RespondResponse,
} from './connector-client.ts';
