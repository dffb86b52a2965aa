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
  /**
   * Set on an agency of another region that the directory's cross-region statement for that
   * region admits (DESIGN §7 "Beyond one region"); absent for the region's own agencies.
   */
  region: z.string().min(1).max(128).optional(),
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

/**
 * A cross-region statement: this region's governance pins another region's governance key and
 * says which of its agencies may exchange which kinds with this region, under which agreement.
 * The named agencies appear in `agencies` with `region` set, their keys taken from the other
 * region's directory after it verified with `governanceKey`.
 */
export const CrossRegionStatement = z.strictObject({
  region: z.string().min(1).max(128),
  /** The other region's governance public key (raw Ed25519, base64url), pinned. */
  governanceKey: B64u.length(43),
  governanceKid: KeyId,
  agencies: z.array(AgencyId).min(1),
  kinds: z.array(KindName).min(1),
  /** The agreement, in this directory, that carries every share across. */
  agreement: z.string().min(1).max(128),
  /** The serial of the other region's directory the agencies' keys were taken from. */
  fromSerial: z.number().int().positive(),
});
export type CrossRegionStatement = z.infer<typeof CrossRegionStatement>;

/**
 * Where a directory's cross-region statements and the agencies they admit disagree, one message
 * each: an agency of another region with no statement naming it, an agreement other than the
 * statement's that an agency of another region is party to, or a kind the statement does not
 * let cross.
 */
export function crossRegionProblems(d: {
  readonly region: string;
  readonly agencies: readonly Agency[];
  readonly agreements: readonly Agreement[];
  readonly regions?: readonly CrossRegionStatement[] | undefined;
}): string[] {
  const problems: string[] = [];
  const statements = new Map((d.regions ?? []).map((s) => [s.region, s]));
  const foreign = new Map<string, CrossRegionStatement | undefined>();
  for (const a of d.agencies) {
    if (a.region === undefined) continue;
    const s = statements.get(a.region);
    if (a.region === d.region) problems.push(`agency ${a.id} names this directory's own region`);
    else if (!s?.agencies.includes(a.id))
      problems.push(`agency ${a.id} of region ${a.region} is admitted by no cross-region statement`);
    foreign.set(a.id, s);
  }
  for (const s of statements.values()) {
    for (const id of s.agencies)
      if (!d.agencies.some((a) => a.id === id && a.region === s.region))
        problems.push(
          `statement for ${s.region} names ${id}, which is not in the directory as that region's`,
        );
    if (!d.agreements.some((g) => g.id === s.agreement))
      problems.push(
        `statement for ${s.region} names agreement ${s.agreement}, which is not in the directory`,
      );
  }
  for (const g of d.agreements) {
    for (const id of new Set([...g.senders, ...g.recipients])) {
      if (!foreign.has(id)) continue;
      const s = foreign.get(id);
      if (!s) continue;
      if (g.id !== s.agreement)
        problems.push(`agreement ${g.id} names ${id} of region ${s.region}: only ${s.agreement} may`);
      const outside = g.kinds.filter((k) => !s.kinds.includes(k));
      if (outside.length > 0)
        problems.push(
          `agreement ${g.id} would let ${outside.join(', ')} cross to ${s.region}: not in its statement`,
        );
    }
  }
  return problems;
}

export const Directory = z
  .strictObject({
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
    /** Cross-region statements: the other regions this one exchanges shares with. */
    regions: z.array(CrossRegionStatement).optional(),
  })
  .superRefine((d, ctx) => {
    for (const message of crossRegionProblems(d))
      ctx.addIssue({ code: 'custom', message, path: ['regions'] });
  });
export type Directory = z.infer<typeof Directory>;

/** Signed directory on the wire. */
export const SignedDirectory = z.strictObject({ d: B64u.min(1), kid: KeyId, s: B64u.length(86) });
export type SignedDirectory = z.infer<typeof SignedDirectory>;
