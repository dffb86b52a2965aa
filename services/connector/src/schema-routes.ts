import { ApiError, buildJsonSchemas, type JsonSchemaDocument, kindSchemaFile, kinds } from '@cwtch/contracts';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';

const SchemaEntry = z.object({
  file: z.string().meta({ example: 'missing-episode.v1.json' }),
  url: z.string().meta({ description: 'Path of the schema on this connector' }),
  title: z.string(),
  kind: z.string().nullable().meta({ description: 'The notification kind, or null for a wire format' }),
  version: z.number().int().nullable(),
});
const SchemaIndex = z.object({ items: z.array(SchemaEntry) });

/**
 * `GET /schemas` (the index) and `GET /schemas/{file}`: the JSON Schema (draft 2020-12) of every
 * kind's payload and of the wire formats, built from the zod contracts, so a case system in any
 * language can check a payload before it sends. No token needed: they describe, they hold no data.
 */
// biome-ignore lint/suspicious/noExplicitAny: any Env of the connector's app
export function schemaRoutes(app: OpenAPIHono<any>): void {
  let built: Record<string, JsonSchemaDocument> | undefined;
  const schemas = () => {
    built ??= buildJsonSchemas();
    return built;
  };
  const kindOfFile = new Map(Object.values(kinds).map((k) => [kindSchemaFile(k.name), k]));

  app.get('/schemas', (c) =>
    c.json({
      items: Object.entries(schemas()).map(([file, doc]) => ({
        file,
        url: `/schemas/${file}`,
        title: String(doc.title),
        kind: kindOfFile.get(file)?.name ?? null,
        version: kindOfFile.get(file)?.version ?? null,
      })),
    } satisfies z.infer<typeof SchemaIndex>),
  );
  app.get('/schemas/:file', (c) => {
    const doc = schemas()[c.req.param('file')];
    if (!doc)
      throw new CwtchError(ErrorCode.NOT_FOUND, `no schema ${c.req.param('file')}; GET /schemas lists them`);
    return c.json(doc, 200, { 'content-type': 'application/schema+json' });
  });

  const r = app.openAPIRegistry;
  r.registerPath({
    method: 'get',
    path: '/schemas',
    summary: 'The JSON Schemas of every kind’s payload and of the wire formats (no token needed)',
    responses: {
      200: { description: 'The schemas', content: { 'application/json': { schema: SchemaIndex } } },
    },
  });
  r.registerPath({
    method: 'get',
    path: '/schemas/{file}',
    summary: 'One JSON Schema (draft 2020-12), e.g. `missing-episode.v1.json`',
    description:
      'Built from the zod contract. Cross-field rules (a date after another, a code valid for a ' +
      'scheme) are not expressible in JSON Schema: the connector still checks them on send.',
    request: { params: z.object({ file: z.string().meta({ param: { name: 'file', in: 'path' } }) }) },
    responses: {
      200: { description: 'The schema', content: { 'application/schema+json': { schema: z.unknown() } } },
      404: { description: 'No such schema', content: { 'application/json': { schema: ApiError } } },
    },
  });
}
