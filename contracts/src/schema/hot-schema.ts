import { z } from 'zod';

/** Parses a schema answers before it is compiled: a CLI command's few parses never pay for it. */
export const COMPILE_AFTER = 32;

/** A schema on a hot path: what {@link hotSchema} returns. */
export interface HotSchema<T extends z.ZodType> {
  /** The schema as defined (for JSON Schema, `.shape` and the like). */
  readonly schema: T;
  /** Whether parses now run the compiled clone. */
  readonly compiled: boolean;
  /** `schema.safeParse`, from the compiled clone once the schema is hot. */
  safeParse(input: unknown): z.ZodSafeParseResult<z.output<T>>;
}

class Hot<T extends z.ZodType> implements HotSchema<T> {
  readonly schema: T;
  #current: T;
  #uses = 0;

  constructor(schema: T) {
    this.schema = schema;
    this.#current = schema;
  }

  get compiled(): boolean {
    return this.#current !== this.schema;
  }

  safeParse(input: unknown): z.ZodSafeParseResult<z.output<T>> {
    if (this.#uses < COMPILE_AFTER) {
      this.#uses += 1;
      if (this.#uses === COMPILE_AFTER) this.#current = z.compile(this.schema);
    }
    return this.#current.safeParse(input);
  }
}

const hot = new WeakMap<z.ZodType, Hot<z.ZodType>>();

/**
 * The schema to parse with on a hot path (a payload, header or receipt on every message): zod's
 * own parser for its first {@link COMPILE_AFTER} parses, then its ahead-of-time compiled clone
 * (`z.compile`), which answers a valid input in generated code of its own instead of zod's shared
 * interpreter, a third to a quarter of the time, and hands an invalid one back to that
 * interpreter, so the issues are the same. One per schema, however often it is asked for.
 *
 * @example
 * const parsed = hotSchema(EnvelopeHeader).safeParse(JSON.parse(text));
 */
export function hotSchema<T extends z.ZodType>(schema: T): HotSchema<T> {
  let found = hot.get(schema);
  if (found === undefined) {
    found = new Hot<z.ZodType>(schema);
    hot.set(schema, found);
  }
  return found as unknown as HotSchema<T>;
}
