import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { Role } from '../auth.ts';
import { createDevIssuer } from '../dev-issuer.ts';

/** A named person of the demo region: who they are, for which agency, in which roles. */
export const DevUser = z.strictObject({
  /** Stable subject (`<agency>/<handle>`). */
  sub: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/),
  name: z.string().min(1).max(100),
  /** An agency id, or `region` for the regional auditors. */
  agency: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/),
  roles: z.array(z.enum([Role.frontdoor, Role.manager, Role.auditor])).min(1),
  /** A line about who they are, shown on the sign-in page. */
  title: z.string().max(200).optional(),
});
export type DevUser = z.infer<typeof DevUser>;

/** The demo users file `cwtch dev` writes: `{ "users": [...] }`. */
export const DevUsersFile = z.strictObject({ users: z.array(DevUser) });
export type DevUsersFile = z.infer<typeof DevUsersFile>;

/** Mints short-lived session tokens for demo users of one service (dev sign-in only). */
export interface DevSignIn {
  /** The users who may sign in to this service. */
  readonly users: readonly DevUser[];
  /** A token for `user`, for this service's audience, valid `ttlSeconds`. */
  mint(user: DevUser, ttlSeconds: number): Promise<string>;
}

/**
 * Loads the dev issuer's private key and the demo users, keeping those `accept` lets in (an
 * agency's own people for a connector, auditors for the audit service). Only `cwtch dev` hands a
 * service these files; production signs in through the agency's OpenID Connect provider.
 */
export async function loadDevSignIn(options: {
  readonly issuerKeyFile: string;
  readonly usersFile: string;
  readonly audience: string;
  readonly accept: (user: DevUser) => boolean;
}): Promise<DevSignIn> {
  const issuer = await createDevIssuer(JSON.parse(await readFile(options.issuerKeyFile, 'utf8')));
  const file = DevUsersFile.parse(JSON.parse(await readFile(options.usersFile, 'utf8')));
  const users = file.users.filter(options.accept);
  return {
    users,
    mint: (user, ttlSeconds) =>
      issuer.sign({
        agency: user.agency,
        roles: user.roles,
        name: user.name,
        sub: user.sub,
        audience: options.audience,
        ttlSeconds,
      }),
  };
}
