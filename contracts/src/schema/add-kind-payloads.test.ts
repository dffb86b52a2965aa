import { describe, expect, it } from 'vitest';
import { KindName, kinds } from '../kinds/registry.ts';
import { addKindPayloads } from './add-kind-payloads.ts';
import { toJsonSchema } from './build-json-schemas.ts';

const base = {
  openapi: '3.1.0',
  paths: {
    '/v1/notifications': {
      post: {
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/X' } } } },
      },
    },
  },
  components: { schemas: { X: { type: 'object' } } },
};

describe('addKindPayloads (the connector’s OpenAPI document)', () => {
  const doc = addKindPayloads(base) as typeof base & {
    components: { schemas: Record<string, Record<string, unknown>> };
  };
  const body = doc.paths['/v1/notifications'].post.requestBody.content['application/json']
    .schema as unknown as {
    oneOf: { $ref: string }[];
    discriminator: { propertyName: string; mapping: Record<string, string> };
  };

  it('describes the send body as one schema per kind, discriminated by kind', () => {
    expect(body.discriminator.propertyName).toBe('kind');
    expect(Object.keys(body.discriminator.mapping)).toEqual(KindName.options);
    expect(body.oneOf).toHaveLength(KindName.options.length);
    const request = doc.components.schemas.SendNotificationRequestNrmReferral as {
      properties: Record<string, unknown>;
    };
    expect(request.properties.kind).toEqual({ type: 'string', const: 'nrm-referral' });
    expect(request.properties.payload).toEqual({ $ref: '#/components/schemas/NrmReferralV1' });
    expect(request.properties.recipients).toBeDefined();
  });

  it('takes each payload schema from its kind folder, and keeps what was there', () => {
    const { $schema: _dialect, ...expected } = toJsonSchema(kinds['abduction-warning-notice'].schema);
    expect(doc.components.schemas.AbductionWarningNoticeV1).toMatchObject(expected);
    expect(doc.components.schemas.X).toEqual({ type: 'object' });
    expect(base.paths['/v1/notifications'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/X',
    });
  });
});
