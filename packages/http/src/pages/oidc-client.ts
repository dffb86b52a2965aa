import { createHash, randomBytes } from 'node:crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { z } from 'zod';

/** The parts of an OpenID Provider's metadata the sign-in uses. */
const Discovery = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
});

/** One sign-in in flight: kept in a short-lived cookie until the provider sends the person back. */
export interface OidcTransaction {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
}

const random = () => randomBytes(32).toString('base64url');

/**
 * The authorization code flow with PKCE (S256), state and nonce, against an agency's OpenID
 * Connect provider found by discovery. It only fetches the ID token; verifying it (issuer,
 * audience = client id, JWKS signature, expiry, nonce) is the page token verifier's job.
 */
export class OidcClient {
  readonly metadata: z.infer<typeof Discovery>;
  private readonly options: {
    readonly clientId: string;
    readonly clientSecret: string | undefined;
    readonly redirectUri: string;
    readonly scopes: string;
  };

  private constructor(
    metadata: z.infer<typeof Discovery>,
    options: {
      readonly clientId: string;
      readonly clientSecret: string | undefined;
      readonly redirectUri: string;
      readonly scopes: string;
    },
  ) {
    this.metadata = metadata;
    this.options = options;
  }

  /** Reads the provider's discovery document; refuses one that names another issuer. */
  static async discover(options: {
    readonly issuer: string;
    readonly clientId: string;
    readonly clientSecret?: string | undefined;
    readonly redirectUri: string;
    readonly scopes: string;
    readonly fetch?: typeof fetch;
  }): Promise<OidcClient> {
    const url = `${options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const res = await (options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok)
      throw new CwtchError(ErrorCode.CONFIG_INVALID, `OIDC discovery failed: ${res.status} at ${url}`);
    const metadata = Discovery.parse(await res.json());
    if (metadata.issuer !== options.issuer)
      throw new CwtchError(ErrorCode.CONFIG_INVALID, `OIDC discovery names issuer ${metadata.issuer}`);
    return new OidcClient(metadata, {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      redirectUri: options.redirectUri,
      scopes: options.scopes,
    });
  }

  /** The provider's key set, for the token verifier. */
  get jwksUrl(): URL {
    return new URL(this.metadata.jwks_uri);
  }

  /** A new transaction and the provider URL to send the person to. */
  begin(): { transaction: OidcTransaction; url: string } {
    const transaction = { state: random(), nonce: random(), verifier: random() };
    const url = new URL(this.metadata.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.options.clientId,
      redirect_uri: this.options.redirectUri,
      scope: this.options.scopes,
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: createHash('sha256').update(transaction.verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    return { transaction, url: url.toString() };
  }

  /** Trades the authorization code for the ID token (unverified: verify it before use). */
  async exchange(code: string, transaction: OidcTransaction, doFetch: typeof fetch = fetch): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.options.redirectUri,
      client_id: this.options.clientId,
      code_verifier: transaction.verifier,
    });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (this.options.clientSecret !== undefined) {
      const basic = `${encodeURIComponent(this.options.clientId)}:${encodeURIComponent(this.options.clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
    }
    const res = await doFetch(this.metadata.token_endpoint, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const json = (await res.json().catch(() => ({}))) as { id_token?: unknown };
    if (!res.ok || typeof json.id_token !== 'string')
      throw new CwtchError(ErrorCode.TOKEN_INVALID, 'the identity provider did not complete the sign-in');
    return json.id_token;
  }
}
