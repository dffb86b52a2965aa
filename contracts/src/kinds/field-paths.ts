/** A JSON Schema node, as far as walking its properties needs. */
interface SchemaNode {
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode | readonly SchemaNode[];
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  readonly allOf?: readonly SchemaNode[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The label key of a field path: names joined by dots, array indices dropped
 * (`['subject', 'identifiers', 0, 'value']` → `subject.identifiers.value`).
 */
export function labelKey(path: readonly (string | number)[]): string {
  return path.filter((segment) => typeof segment === 'string').join('.');
}

/** Label keys of every leaf (non-object, non-array value, or empty container) in a parsed payload. */
export function fieldPaths(value: unknown, prefix: readonly (string | number)[] = []): string[] {
  const out = new Set<string>();
  const walk = (node: unknown, path: readonly (string | number)[]): void => {
    if (Array.isArray(node) && node.some((item) => isRecord(item))) {
      for (const [i, item] of node.entries()) walk(item, [...path, i]);
    } else if (isRecord(node) && Object.keys(node).length > 0) {
      for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
    } else if (path.length > 0) {
      out.add(labelKey(path));
    }
  };
  walk(value, prefix);
  return [...out];
}

/** Calls `visit` on every node of a JSON Schema with its label key path, through arrays and unions. */
function walkSchema(schema: unknown, visit: (node: SchemaNode, path: readonly string[]) => void): void {
  const walk = (node: SchemaNode, path: readonly string[]): void => {
    visit(node, path);
    for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, [...path, key]);
    const items = node.items === undefined ? [] : Array.isArray(node.items) ? node.items : [node.items];
    for (const child of [...items, ...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) {
      walk(child as SchemaNode, path);
    }
  };
  if (isRecord(schema)) walk(schema as SchemaNode, []);
}

/**
 * Label keys of every property a JSON Schema describes, containers included
 * (`subject`, `subject.name`, `subject.name.family`, …), through arrays and unions.
 */
export function schemaFieldPaths(schema: unknown): string[] {
  const out = new Set<string>();
  walkSchema(schema, (_node, path) => {
    if (path.length > 0) out.add(path.join('.'));
  });
  return [...out];
}

/**
 * The string codes a JSON Schema allows at each label key (`enum` and `const` values, through
 * arrays and unions): the values a page must be able to label.
 */
export function schemaCodeValues(schema: unknown): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  walkSchema(schema, (node, path) => {
    const values = [...(node.enum ?? []), ...('const' in node ? [node.const] : [])];
    for (const value of values) {
      if (typeof value !== 'string' || path.length === 0) continue;
      const key = path.join('.');
      out.set(key, (out.get(key) ?? new Set()).add(value));
    }
  });
  return out;
}
