/** The connector's public face for the workspace's tests: its configuration schema (docs/configuration.md). */
export { ConnectorConfig } from './config.ts';
