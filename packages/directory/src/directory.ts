import { AgencyId, AgencyType, B64u, EpochMs, KeyId, KindName } from '@cwtch/contracts';
import { z } from 'zod';

/** A public key of an agency, as an OKP JWK plus validity and status (crypto reference §2.10). */
export const DirectoryKey = z.strictObject({
  kid: KeyId,
  kty: z.literal('OKP'),
  crv: z.enum(['Ed25519', 'X25519']),
  x: B64u.length(43),
  use: z.enum(['sig', 'enc']),
  nbf: EpochMs,
  exp: EpochMs.nullable(),
  status: z.enum(['active', 'revoked']),
  revokedAt: EpochMs.nullable(),
  reason: z.string().max(256).nullable(),
});
export type DirectoryKey = z.infer<typeof DirectoryKey>;

/** An agency of the region. */
export const Agency = z.strictObject({
  id: AgencyId,
  name: z.string().min(1).max(200),
  /** The agency's name in Welsh, where it has one; optional, so older directories still parse. */
  nameCy: z.string().min(1).max(200).optional(),
  type: AgencyType,
  codes: z.array(z.strictObject({ scheme: z.string().min(1), value: z.string().min(1) })),
  areas: z.array(z.string().min(1)),
  keys: z.array(DirectoryKey),
  /**
   * Who is alerted when a share to this agency passes its respond-by unanswered (DESIGN §6a): the
   * duty manager or out-of-hours team, named on every escalation. Optional in older directories.
   */
  escalation: z
    .strictObject({
      name: z.string().min(1).max(200),
      phone: z.string().min(1).max(40).optional(),
      hours: z.string().min(1).max(100).optional(),
    })
    .optional(),
});
export type Agency = z.infer<typeof Agency>;

/** A sharing agreement (WASPI ISP/DDA/JCA): who may send which kinds to whom, why, and on what basis. */
export const Agreement = z.strictObject({
  id: z.string().min(1).max(128),
  title: z.string().min(1).max(300),
  framework: z.literal('WASPI'),
  type: z.enum(['ISP', 'DDA', 'JCA']),
  senders: z.array(AgencyId).min(1),
  recipients: z.array(AgencyId).min(1),
  /** Kind names (DESIGN §9); the JSON is the same array of strings, now checked against the registry. */
  kinds: z.array(KindName).min(1),
  /** Purposes the agreement covers; a share states one of them. */
  purposes: z.array(z.string().min(1).max(64)).min(1),
  lawfulBasis: z.string().min(1).max(256),
});
export type Agreement = z.infer<typeof Agreement>;

/** A routing rule: who receives a kind from a sender when the sender names nobody. */
export const Route = z.strictObject({
  kind: KindName,
  from: AgencyId,
  to: z.array(AgencyId).min(1),
});
export type Route = z.infer<typeof Route>;

/** The region's directory document, signed as a whole by the governance key. */
/** A kind `agency` is expected to send at least once every `everyHours`. */
export const ExpectedFeed = z.strictObject({
  agency: AgencyId,
  kind: KindName,
  everyHours: z
    .number()
    .positive()
    .max(24 * 366),
});
export type ExpectedFeed = z.infer<typeof ExpectedFeed>;

export const Directory = z.strictObject({
  v: z.literal(1),
  typ: z.literal('cwtch.directory.v1'),
  region: z.string().min(1).max(128),
  /** Increases with every statement; a connector never goes back to a lower serial. */
  serial: z.number().int().positive(),
  issuedAt: EpochMs,
  agencies: z.array(Agency),
  agreements: z.array(Agreement),
  routes: z.array(Route),
  /** Expected feeds: a kind an agency sends at a cadence; one that does not arrive alerts the operator. */
  feeds: z.array(ExpectedFeed).optional(),
});
export type Directory = z.infer<typeof Directory>;

/** Signed directory on the wire. */
export const SignedDirectory = z.strictObject({ d: B64u.min(1), kid: KeyId, s: B64u.length(86) });
export type SignedDirectory = z.infer<typeof SignedDirectory>;
