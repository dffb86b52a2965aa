export {
  type AuthConfig,
  createTokenVerifier,
  type Principal,
  Role,
  requireRole,
  type TokenVerifier,
} from './auth.ts';
export {
  AUDIT_AUDIENCE,
  connectorAudience,
  createDevIssuer,
  DEV_ISSUER,
  type DevIssuer,
} from './dev-issuer.ts';
export { type ErrorBody, statusOf, toErrorResponse } from './http-error.ts';
