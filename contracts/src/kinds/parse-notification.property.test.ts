import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edited, loadExample } from './load-example.ts';
import { KindName, parseNotification } from './registry.ts';

const RUNS = { seed: 20250314, numRuns: 200 } as const;
const MARKER = 'Qx9Marker';

/** Checks the invariants of any result: coded, issues with paths and messages that do not echo the marker. */
function expectCoded(result: ReturnType<typeof parseNotification>): void {
  if (result.ok) {
    expect(KindName.options).toContain(result.kind);
    return;
  }
  expect(['UNKNOWN_KIND', 'CONTRACT_INVALID']).toContain(result.code);
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(Array.isArray(issue.path)).toBe(true);
    expect(typeof issue.message).toBe('string');
    expect(issue.message).not.toContain(MARKER);
    for (const segment of issue.path) expect(String(segment)).not.toContain(MARKER);
  }
}

/** Arbitrary JSON whose strings and keys may carry the marker. */
const markedJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.string().map((s) => `${MARKER}${s}`),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', `${MARKER} key`)),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

describe('parseNotification (property-based)', () => {
  it('never throws and always returns a coded result for arbitrary JSON and kind names', () => {
    const kind = fc.oneof(fc.constantFrom(...KindName.options), fc.string());
    fc.assert(
      fc.property(kind, fc.jsonValue(), (name, payload) => {
        expectCoded(parseNotification(name, payload));
      }),
      RUNS,
    );
  });

  it('never throws, codes the result and never echoes input when one field of an example is replaced', () => {
    const examples = KindName.options.map((kind) => ({ kind, example: loadExample(kind) }));
    const mutation = fc
      .constantFrom(...examples)
      .chain(({ kind, example }) =>
        fc.tuple(fc.constant(kind), fc.constant(example), fc.constantFrom(...leafPaths(example)), markedJson),
      );
    fc.assert(
      fc.property(mutation, ([kind, example, path, value]) => {
        expectCoded(parseNotification(kind, edited(example, path, value)));
      }),
      RUNS,
    );
  });
});

/** Concrete paths (with indices) of every leaf in a value. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leafPaths(item, [...prefix, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...prefix, key]));
  }
  return prefix.length > 0 ? [prefix] : [];
}
