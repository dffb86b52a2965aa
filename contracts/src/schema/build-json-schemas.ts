import { z } from 'zod';
import { AuditEntry } from '../audit/audit-entry.ts';
import { EnvelopeHeader, EnvelopeWire } from '../envelope/header.ts';
import { ReceiptBody, ReceiptWire } from '../envelope/receipt.ts';
import { type KindName, kinds } from '../kinds/registry.ts';

/** A JSON Schema document as plain JSON. */
export type JsonSchemaDocument = Record<string, unknown>;

/** Base of the `$id` of every generated schema. */
export const SCHEMA_ID_BASE = 'https://cwtch.example/schemas/';

/** The wire contracts published beside the kinds: name, schema, title. */
export const WIRE_SCHEMAS: readonly {
  name: string;
  schema: z.ZodType;
  title: string;
  description: string;
}[] = [
  {
    name: 'envelope-header',
    schema: EnvelopeHeader,
    title: 'CWTCH1 envelope header',
    description: 'Canonical JSON header in the clear: routing metadata only; nothing identifies a child.',
  },
  {
    name: 'envelope-wire',
    schema: EnvelopeWire,
    title: 'CWTCH1 envelope on the wire',
    description: 'Header bytes, sealed content keys, ciphertext and signature, each base64url.',
  },
  {
    name: 'receipt-body',
    schema: ReceiptBody,
    title: 'Receipt body',
    description: 'What a recipient signs: delivered, acknowledged or rejected.',
  },
  {
    name: 'receipt-wire',
    schema: ReceiptWire,
    title: 'Receipt on the wire',
    description: 'Canonical receipt body bytes and an Ed25519 signature.',
  },
  {
    name: 'audit-entry',
    schema: AuditEntry,
    title: 'Share-log entry',
    description: 'A Merkle leaf of the share log on cwtch.audit.entry; stored byte for byte.',
  },
];

/** JSON Schema (draft 2020-12) of what a sender must send: the input side of every transform. */
export function toJsonSchema(
  schema: z.ZodType,
  target: 'draft-2020-12' | 'draft-07' = 'draft-2020-12',
): JsonSchemaDocument {
  return z.toJSONSchema(schema, { io: 'input', target, unrepresentable: 'throw' }) as JsonSchemaDocument;
}

function document(file: string, title: string, description: string, schema: z.ZodType): JsonSchemaDocument {
  const { $schema, ...rest } = toJsonSchema(schema);
  return { $schema, $id: `${SCHEMA_ID_BASE}${file}`, title, description, ...rest };
}

/** The file name of a kind's schema: `<kind>.v<version>.json`. */
export function kindSchemaFile(kind: KindName): string {
  return `${kind}.v${kinds[kind].version}.json`;
}

/**
 * JSON Schemas of every kind (`<kind>.v1.json`) and of the envelope header and wire form, the
 * receipt body and wire form and the audit entry (`<name>.v1.json`), by file name. Pure.
 * Cross-field rules (refinements) are not expressible in JSON Schema: the zod schemas are
 * the authority, these are documentation and a first check for other languages.
 */
export function buildJsonSchemas(): Record<string, JsonSchemaDocument> {
  const out: Record<string, JsonSchemaDocument> = {};
  for (const contract of Object.values(kinds)) {
    const file = kindSchemaFile(contract.name);
    const description = `Payload of a ${contract.name} notification, version ${contract.version} (${contract.title.cy}).`;
    out[file] = document(file, contract.title.en, description, contract.schema);
  }
  for (const wire of WIRE_SCHEMAS) {
    const file = `${wire.name}.v1.json`;
    out[file] = document(file, wire.title, wire.description, wire.schema);
  }
  return out;
}
