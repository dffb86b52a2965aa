export {
  type BoardSheetCell,
  type BoardSheetResponse,
  type ConnectorClient,
  type ConnectorClientOptions,
  CwtchApiError,
  createConnectorClient,
  type InboxFilter,
  type OutboxEscalation,
  type OutboxShare,
  type OutboxStatement,
  type RespondRequest,
  type RespondResponse,
} from './connector-client.ts';
