import { z } from 'zod';

/**
 * How people sign in to a service's pages, from `CWTCH_*` environment variables (parsed once in
 * the service's `main.ts`). `none`: pages take bearer tokens only (scripts). `dev`: the demo
 * region's named users, with tokens minted by the dev issuer (only `cwtch dev` sets this).
 * `oidc`: the agency's OpenID Connect provider (authorization code flow with PKCE), whose ID
 * token, verified against the provider's JWKS, is the session.
 */
export const PagesConfig = z
  .object({
    CWTCH_SIGN_IN: z.enum(['none', 'dev', 'oidc']).default('none'),
    /** The public base URL (`https://…` makes session cookies `Secure` and `__Host-`). */
    CWTCH_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** How long a session lasts, in seconds (dev sign-in; OIDC sessions end with the ID token). */
    CWTCH_SESSION_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(86_400)
      .default(4 * 3600),
    /**
     * A session unused this long ends, in seconds (every page request counts as use); signing
     * out ends it at once.
     */
    CWTCH_SESSION_IDLE_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(86_400)
      .default(15 * 60),
    /** The dev issuer's private JWK file (`cwtch dev` only: it can mint tokens). */
    CWTCH_DEV_ISSUER_KEY_FILE: z.string().min(1).optional(),
    /** The demo users file `{users: [...]}` (`cwtch dev` only). */
    CWTCH_DEV_USERS_FILE: z.string().min(1).optional(),
    CWTCH_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
    CWTCH_OIDC_CLIENT_ID: z.string().min(1).optional(),
    /** A file holding the client secret; without it the client is public (PKCE only). */
    CWTCH_OIDC_CLIENT_SECRET_FILE: z.string().min(1).optional(),
    /** The ID token claim listing Cwtch roles (`frontdoor`, `manager`, `auditor`). */
    CWTCH_OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
    CWTCH_OIDC_SCOPES: z.string().min(1).default('openid profile'),
  })
  .superRefine((c, ctx) => {
    const need = (key: keyof typeof c, why: string) => {
      if (c[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `is required ${why}` });
    };
    if (c.CWTCH_SIGN_IN === 'dev') {
      need('CWTCH_DEV_ISSUER_KEY_FILE', 'for dev sign-in');
      need('CWTCH_DEV_USERS_FILE', 'for dev sign-in');
    }
    if (c.CWTCH_SIGN_IN === 'oidc') {
      need('CWTCH_OIDC_ISSUER', 'for OIDC sign-in');
      need('CWTCH_OIDC_CLIENT_ID', 'for OIDC sign-in');
      need('CWTCH_PUBLIC_URL', 'for OIDC sign-in (the redirect URI is built from it)');
    }
  });
export type PagesConfig = z.infer<typeof PagesConfig>;
