import { SendNotificationRequest } from '../api/connector-api.ts';
import { kinds } from '../kinds/registry.ts';
import { type JsonSchemaDocument, toJsonSchema } from './build-json-schemas.ts';

/** `care-home-transition` → `CareHomeTransition`. */
export function pascalName(kind: string): string {
  return kind.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

function withoutDialect(schema: JsonSchemaDocument): JsonSchemaDocument {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An OpenAPI 3.1 document with the body of `POST /v1/notifications` described per kind: one
 * payload schema per kind (`<Kind>V<version>`, what a sender must send) and one request schema
 * per kind (`SendNotificationRequest<Kind>`), joined by `oneOf` and discriminated by `kind`.
 * Built from the kind registry, so a new kind folder shows up without touching the connector.
 * Pure: returns a new document.
 */
export function addKindPayloads<T extends object>(document: T): T {
  const doc = structuredClone(document) as Record<string, unknown>;
  const components = isRecord(doc.components) ? doc.components : {};
  const schemas: Record<string, unknown> = isRecord(components.schemas) ? { ...components.schemas } : {};
  // The request schema has an id, so zod puts it under $defs.
  const generated = toJsonSchema(SendNotificationRequest);
  const defs = isRecord(generated.$defs) ? generated.$defs : {};
  const request = (
    isRecord(defs.SendNotificationRequest) ? defs.SendNotificationRequest : {}
  ) as JsonSchemaDocument;
  const common = isRecord(request.properties) ? request.properties : {};
  const mapping: Record<string, string> = {};
  for (const contract of Object.values(kinds)) {
    const payload = `${pascalName(contract.name)}V${contract.version}`;
    const body = `SendNotificationRequest${pascalName(contract.name)}`;
    schemas[payload] = {
      description: `Payload of a ${contract.name} notification, version ${contract.version}: ${contract.title.en} (${contract.title.cy}).`,
      ...withoutDialect(toJsonSchema(contract.schema)),
    };
    schemas[body] = {
      ...request,
      description: `Send a ${contract.name} notification.`,
      properties: {
        ...common,
        kind: { type: 'string', const: contract.name },
        payload: { $ref: `#/components/schemas/${payload}` },
      },
    };
    mapping[contract.name] = `#/components/schemas/${body}`;
  }
  doc.components = { ...components, schemas };
  const content = (
    ((doc.paths as Record<string, Record<string, Record<string, unknown>>> | undefined)?.['/v1/notifications']
      ?.post?.requestBody ?? {}) as { content?: Record<string, { schema?: unknown }> }
  ).content;
  const json = content?.['application/json'];
  if (json) {
    json.schema = {
      oneOf: Object.values(mapping).map(($ref) => ({ $ref })),
      discriminator: { propertyName: 'kind', mapping },
    };
  }
  return doc as T;
}
