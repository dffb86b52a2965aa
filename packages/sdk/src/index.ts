export {
  type ConnectorClient,
  type ConnectorClientOptions,
  CwtchApiError,
  createConnectorClient,
  type InboxFilter,
} from './connector-client.ts';
