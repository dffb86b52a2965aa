export {
  type AuthConfig,
  createTokenVerifier,
  JWT_CLOCK_TOLERANCE_SECONDS,
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
export { hasBody, limitBody } from './limit-body.ts';
export {
  escapeHtml,
  html,
  PAGE_CONTENT_SECURITY_POLICY,
  pageSecurityHeaders,
  raw,
  type SafeHtml,
} from './page-security.ts';
export { createPageApp, type PageAppOptions } from './pages/create-page-app.ts';
export { CSRF_FIELD, CSRF_HEADER, CsrfGuard } from './pages/csrf-guard.ts';
export { type DevSignIn, DevUser, DevUsersFile, loadDevSignIn } from './pages/dev-users.ts';
export { OidcClient, type OidcTransaction } from './pages/oidc-client.ts';
export { CWTCH_CSS_FILE, pageAssets } from './pages/page-assets.ts';
export {
  createPageAuth,
  type PageAuth,
  type PageAuthOptions,
  type PageEnv,
  type PageSession,
  type SignInMethod,
} from './pages/page-auth.ts';
export {
  type ErrorPageRender,
  type PageFallbacks,
  pageError,
  pageFallbacks,
  requestLang,
  wantsPage,
} from './pages/page-error.ts';
export { type Lang, type NavLink, type PageShellOptions, pageShell } from './pages/page-shell.ts';
export {
  createPageTokenVerifier,
  type PageTokenSource,
  type PageTokenVerifier,
  sessionAudience,
} from './pages/page-token-verifier.ts';
export { PagesConfig } from './pages/pages-config.ts';
export { SessionCookie } from './pages/session-cookie.ts';
export { SessionStore, type SessionStoreOptions } from './pages/session-store.ts';
export { type RenderSignIn, safeNext, signInRoutes } from './pages/sign-in-routes.ts';
export { pick, type WordPair, wordsOf } from './pages/words.ts';
export {
  identityKey,
  type RateLimitOptions,
  rateLimit,
  type TakeResult,
  TokenBuckets,
  type TokenBucketsOptions,
  tokenKey,
} from './rate-limit.ts';
export { checkStrictForm, parseStrictJson, strictBody } from './strict-body.ts';
