import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditEntry } from '../audit/audit-entry.ts';
import { EnvelopeHeader, EnvelopeWire } from '../envelope/header.ts';
import { receiptBody } from '../envelope/receipt.test-support.ts';
import { ReceiptBody } from '../envelope/receipt.ts';
import { edited, loadExample, REMOVE } from '../kinds/load-example.ts';
import { KindName, kinds } from '../kinds/registry.ts';
import { COMPILE_AFTER, hotSchema } from './hot-schema.ts';

const RUNS = { seed: 20261206, numRuns: 300 } as const;

const header = {
  v: 1,
  typ: 'cwtch.notification.v1',
  suite: 'CWTCH1-Ed25519-X25519SealedBox-XChaCha20Poly1305',
  id: 'A'.repeat(22),
  iat: 1_741_963_200_000,
  exp: 1_742_049_600_000,
  from: { agency: 'hillside', kid: 'k'.repeat(43) },
  to: [
    { agency: 'swansea-cs', kid: 'j'.repeat(43) },
    { agency: 'south-wales-police', kid: 'p'.repeat(43) },
  ],
  kind: 'care-home-transition',
  sv: 1,
  agreement: 'waspi-placements',
  purpose: 'placement_notification',
  basis: 'SSWBA2014_s164',
  priority: 'routine',
  respondBy: null,
  subject: 's'.repeat(43),
  n: 'n'.repeat(32),
  kc: 'c'.repeat(43),
};
const wire = { h: 'h'.repeat(40), k: ['k'.repeat(107)], c: 'c'.repeat(30), s: 's'.repeat(86) };
const receipt = receiptBody('Swansea front door');
const msgEntry = {
  v: 1,
  t: 'msg',
  i: 0,
  ts: 1_741_963_200_000,
  bt: 1_741_963_199_990,
  src: { seq: 1, subj: 'cwtch.share.swansea-cs.hillside' },
  h: 'A'.repeat(200),
  b: 'b'.repeat(43),
  s: 's'.repeat(86),
};

/** Every schema a hot path parses with, beside a valid value of it. */
const SAMPLES: readonly { name: string; schema: z.ZodType; valid: unknown }[] = [
  ...KindName.options.map((kind) => ({ name: kind, schema: kinds[kind].schema, valid: loadExample(kind) })),
  { name: 'EnvelopeHeader', schema: EnvelopeHeader, valid: header },
  { name: 'EnvelopeWire', schema: EnvelopeWire, valid: wire },
  { name: 'ReceiptBody', schema: ReceiptBody, valid: receipt },
  { name: 'AuditEntry', schema: AuditEntry, valid: msgEntry },
];

/** Paths of every member, element and leaf of a value (the root excluded). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => paths(item, [...prefix, i]))];
  if (typeof value === 'object' && value !== null) {
    return [...here, ...Object.entries(value).flatMap(([key, child]) => paths(child, [...prefix, key]))];
  }
  return here;
}

function leaves(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leaves);
  return [value];
}

/**
 * Near-valid inputs: one member removed, or replaced by another member's value, an edge value or
 * a value of the wrong type, or an unknown member added; what a wrong success would hide in.
 */
function nearValid(valid: unknown): fc.Arbitrary<unknown> {
  const everyPath = paths(valid);
  const replacement = fc.oneof(
    fc.constant(REMOVE),
    fc.constantFrom(...leaves(valid)),
    fc.constantFrom(
      null,
      true,
      0,
      -1,
      1.5,
      2 ** 53,
      '',
      ' ',
      'x'.repeat(300),
      [],
      {},
      '2025-02-30',
      'W06000011',
    ),
    fc.string({ maxLength: 12 }),
    fc.integer(),
  );
  const edit = fc.tuple(fc.constantFrom(...everyPath), replacement);
  const replaced = edit.map(([path, next]) => edited(valid, path, next));
  const twice = fc.tuple(edit, edit).map(([[p1, v1], [p2, v2]]) => {
    const once = edited(valid, p1, v1);
    try {
      return edited(once, p2, v2);
    } catch {
      return once; // the second path ran through what the first removed
    }
  });
  const objects = everyPath.filter((p) => {
    let node: unknown = valid;
    for (const key of p) node = (node as Record<string | number, unknown>)[key];
    return typeof node === 'object' && node !== null && !Array.isArray(node);
  });
  const added = fc
    .tuple(fc.constantFrom([] as (string | number)[], ...objects), fc.string({ minLength: 1, maxLength: 8 }))
    .map(([path, key]) =>
      path.length === 0 ? { ...(valid as object), [key]: 1 } : edited(valid, [...path, key], 1),
    );
  return fc.oneof(replaced, twice, added);
}

/** The runtime's answer and the compiled clone's, which must be the same to the byte. */
function expectSameAnswer(schema: z.ZodType, compiled: z.ZodType, input: unknown): void {
  const runtime = schema.safeParse(input);
  const fast = compiled.safeParse(input);
  expect(fast.success).toBe(runtime.success);
  if (runtime.success && fast.success) {
    // Key order too: a canonical header is the JSON of what the schema gives back.
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(runtime.data));
    expect(fast.data).toStrictEqual(runtime.data);
  } else {
    expect(fast.error?.issues).toEqual(runtime.error?.issues);
  }
}

describe('hotSchema', () => {
  it('is one per schema, parsing with zod until it has been asked enough times, then compiled', () => {
    const schema = z.strictObject({ a: z.string().min(2), b: z.number().int() });
    const hot = hotSchema(schema);
    expect(hotSchema(schema)).toBe(hot);
    expect(hot.schema).toBe(schema);
    for (let n = 1; n < COMPILE_AFTER; n += 1) expect(hot.safeParse({ a: 'ok', b: n }).success).toBe(true);
    expect(hot.compiled).toBe(false);
    expect(hot.safeParse({ a: 'ok', b: 0 })).toEqual({ success: true, data: { a: 'ok', b: 0 } });
    expect(hot.compiled).toBe(true);
    const refused = hot.safeParse({ a: 'x', b: 1.5, c: 1 });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues).toEqual(schema.safeParse({ a: 'x', b: 1.5, c: 1 }).error?.issues);
  });

  it('compiles every schema of the hot paths (none falls back to the runtime whole)', () => {
    for (const { name, schema } of SAMPLES) {
      expect(() => z.compile(schema, { strict: true }), name).not.toThrow();
    }
  });

  for (const { name, schema, valid } of SAMPLES) {
    it(`answers as zod's runtime does for ${name}, valid or nearly so`, () => {
      const compiled = z.compile(schema);
      expect(schema.safeParse(valid).success).toBe(true);
      expectSameAnswer(schema, compiled, valid);
      fc.assert(
        fc.property(nearValid(valid), (input) => expectSameAnswer(schema, compiled, input)),
        RUNS,
      );
    });
  }
});
