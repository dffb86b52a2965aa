export { type ConnectorClient, type ConnectorClientOptions, createConnectorClient, CwtchApiError, type InboxFilter } from './connector-client.ts';
