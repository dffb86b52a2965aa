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
export {
  escapeHtml,
  html,
  PAGE_CONTENT_SECURITY_POLICY,
  pageSecurityHeaders,
  raw,
  type SafeHtml,
} from './page-security.ts';
export {
  type RateLimitOptions,
  rateLimit,
  type TakeResult,
  TokenBuckets,
  type TokenBucketsOptions,
  tokenKey,
} from './rate-limit.ts';
