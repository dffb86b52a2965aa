/** A JSON Schema node, as far as walking its properties needs. */
interface SchemaNode {
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode | readonly SchemaNode[];
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  readonly allOf?: readonly SchemaNode[];
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

/**
 * Label keys of every property a JSON Schema describes, containers included
 * (`subject`, `subject.name`, `subject.name.family`, …), through arrays and unions.
 */
export function schemaFieldPaths(schema: unknown): string[] {
  const out = new Set<string>();
  const walk = (node: SchemaNode, path: readonly string[]): void => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const next = [...path, key];
      out.add(next.join('.'));
      walk(child, next);
    }
    const items = node.items === undefined ? [] : Array.isArray(node.items) ? node.items : [node.items];
    for (const child of [...items, ...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) {
      walk(child as SchemaNode, path);
    }
  };
  if (isRecord(schema)) walk(schema as SchemaNode, []);
  return [...out];
}
