import { exportJWK, generateKeyPair, type JWTPayload, SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPageTokenVerifier, type PageTokenVerifier } from './page-token-verifier.ts';

const ISSUER = 'https://idp.swansea.example';
const AUDIENCE = 'cwtch-connector-swansea-cs';
type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

let issuerKey: Key;
let otherKey: Key;
let verify: PageTokenVerifier;

beforeAll(async () => {
  const issuer = await generateKeyPair('Ed25519');
  const other = await generateKeyPair('Ed25519');
  issuerKey = issuer.privateKey;
  otherKey = other.privateKey;
  verify = createPageTokenVerifier(
    [
      { issuer: ISSUER, jwks: { keys: [await exportJWK(issuer.publicKey)] }, audience: AUDIENCE },
      // Another issuer this service trusts: its key must not vouch for ISSUER's tokens.
      {
        issuer: 'https://other-idp.example',
        jwks: { keys: [await exportJWK(other.publicKey)] },
        audience: AUDIENCE,
      },
    ],
    'swansea-cs',
  );
});

const now = () => Math.floor(Date.now() / 1000);
const good: JWTPayload = {
  sub: 'swansea-cs/sian',
  agency: 'swansea-cs',
  roles: ['frontdoor'],
  name: 'Siân Hughes',
};

/** A token as the issuer signs it; `claims` replace or (undefined) remove the good ones. */
async function token(
  claims: Record<string, unknown> = {},
  options: { key?: Key; alg?: string; iss?: string; aud?: string | string[]; exp?: number | null } = {},
): Promise<string> {
  const payload = Object.fromEntries(
    Object.entries({ ...good, ...claims }).filter(([, v]) => v !== undefined),
  ) as JWTPayload;
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? 'Ed25519' })
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setIssuedAt();
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? now() + 600);
  return jwt.sign(options.key ?? issuerKey);
}

const refused = (code: 'TOKEN_INVALID' | 'FORBIDDEN_ROLE', message?: RegExp) =>
  expect.objectContaining({ code, ...(message ? { message: expect.stringMatching(message) } : {}) });

describe('createPageTokenVerifier', () => {
  it('accepts a token of the right issuer, audience and agency (so each refusal below has one cause)', async () => {
    await expect(verify(await token())).resolves.toEqual({
      subject: 'swansea-cs/sian',
      agency: 'swansea-cs',
      roles: ['frontdoor'],
      name: 'Siân Hughes',
    });
  });

  it('refuses what is not a JWT: TOKEN_INVALID', async () => {
    for (const garbage of ['', 'not-a-jwt', 'not.a.jwt', 'YWJj.YWJj.YWJj']) {
      await expect(verify(garbage)).rejects.toThrow(refused('TOKEN_INVALID'));
    }
  });

  it('refuses an issuer it does not know: TOKEN_INVALID', async () => {
    await expect(verify(await token({}, { iss: 'https://evil.example' }))).rejects.toThrow(
      refused('TOKEN_INVALID', /unknown issuer/),
    );
  });

  it("refuses a token signed by a key not in its issuer's key set (another trusted issuer's): TOKEN_INVALID", async () => {
    await expect(verify(await token({}, { key: otherKey }))).rejects.toThrow(refused('TOKEN_INVALID'));
  });

  it('refuses an unsigned token (alg none): TOKEN_INVALID', async () => {
    const unsigned = new UnsecuredJWT({ ...good })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime(now() + 600)
      .encode();
    await expect(verify(unsigned)).rejects.toThrow(refused('TOKEN_INVALID'));
  });

  it('refuses a token that expired minutes ago: TOKEN_INVALID', async () => {
    await expect(verify(await token({}, { exp: now() - 600 }))).rejects.toThrow(
      refused('TOKEN_INVALID', /ERR_JWT_EXPIRED/),
    );
  });

  it('refuses a token without exp or without sub: TOKEN_INVALID', async () => {
    await expect(verify(await token({}, { exp: null }))).rejects.toThrow(refused('TOKEN_INVALID'));
    await expect(verify(await token({ sub: undefined }))).rejects.toThrow(refused('TOKEN_INVALID'));
  });

  it('refuses an ID token whose nonce is not the one sign-in sent: TOKEN_INVALID', async () => {
    const t = await token({ nonce: 'the-nonce' });
    await expect(verify(t, { nonce: 'the-nonce' })).resolves.toMatchObject({ agency: 'swansea-cs' });
    await expect(verify(t, { nonce: 'another-nonce' })).rejects.toThrow(refused('TOKEN_INVALID', /nonce/));
    await expect(verify(await token(), { nonce: 'the-nonce' })).rejects.toThrow(
      refused('TOKEN_INVALID', /nonce/),
    );
  });

  it('refuses a valid token for another service: FORBIDDEN_ROLE', async () => {
    await expect(verify(await token({}, { aud: 'cwtch-audit' }))).rejects.toThrow(
      refused('FORBIDDEN_ROLE', /another service/),
    );
  });

  it('refuses a token with no agency when the issuer gives none: TOKEN_INVALID', async () => {
    await expect(verify(await token({ agency: undefined }))).rejects.toThrow(
      refused('TOKEN_INVALID', /lacks an agency/),
    );
  });

  it('refuses a valid token for another agency: FORBIDDEN_ROLE', async () => {
    await expect(verify(await token({ agency: 'npt-cs' }))).rejects.toThrow(
      refused('FORBIDDEN_ROLE', /signed in for npt-cs, not swansea-cs/),
    );
  });

  it('refuses a token that holds no Cwtch role: FORBIDDEN_ROLE', async () => {
    for (const roles of [[], ['admin'], undefined]) {
      await expect(verify(await token({ roles }))).rejects.toThrow(
        refused('FORBIDDEN_ROLE', /no Cwtch role/),
      );
    }
  });
});
