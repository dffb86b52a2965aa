import { type KindName, kinds } from '@cwtch/contracts';
import { z } from 'zod';

/** A JSON Schema node as `z.toJSONSchema` writes the kinds' contracts, as far as forms need it. */
export interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly items?: SchemaNode;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly oneOf?: readonly SchemaNode[];
  readonly anyOf?: readonly SchemaNode[];
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

const cache = new Map<KindName, SchemaNode>();

/** The JSON Schema of a kind's payload contract (input side), made once per kind. */
export function kindSchema(kind: KindName): SchemaNode {
  let node = cache.get(kind);
  if (!node) {
    node = z.toJSONSchema(kinds[kind].schema, { io: 'input', unrepresentable: 'any' }) as SchemaNode;
    cache.set(kind, node);
  }
  return node;
}

/** True for a node describing an object with properties. */
export function isObjectNode(node: SchemaNode): boolean {
  return node.properties !== undefined;
}

/**
 * One node a form can show: a union of objects (an organisation reference by scheme, a risk
 * tool) becomes one object with every branch's fields, its discriminator a choice of the
 * branches' constants; `T | null` becomes `T`. The contract still decides on submit.
 */
export function normalise(node: SchemaNode): SchemaNode {
  const branches = node.oneOf ?? node.anyOf;
  if (!branches) return node;
  const live = branches.filter((b) => b.type !== 'null').map(normalise);
  if (live.length === 1) return live[0]!;
  if (!live.every(isObjectNode)) return live[0] ?? node;
  const properties: Record<string, SchemaNode> = {};
  const choices = (n: SchemaNode | undefined) => n?.enum ?? (n?.const !== undefined ? [n.const] : undefined);
  for (const branch of live) {
    for (const [key, child] of Object.entries(branch.properties ?? {})) {
      const prior = properties[key];
      const mine = choices(child);
      if (mine && (!prior || choices(prior)))
        properties[key] = {
          type: child.type ?? 'string',
          enum: [...new Set([...(choices(prior) ?? []), ...mine])],
        };
      else if (!prior) properties[key] = child;
    }
  }
  const required = Object.keys(properties).filter((k) => live.every((b) => b.required?.includes(k)));
  return { type: 'object', properties, required };
}

/** The scalar type a node holds (`string` when unsaid). */
export function scalarType(node: SchemaNode): string {
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  return typeof type === 'string' ? type : 'string';
}
