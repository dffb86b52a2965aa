/** The audit service's public face for the workspace's tests: its configuration schema (docs/configuration.md). */
export { AuditConfig } from './config.ts';
