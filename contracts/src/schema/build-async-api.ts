import { AuditEntry } from '../audit/audit-entry.ts';
import { EnvelopeHeader, EnvelopeWire } from '../envelope/header.ts';
import { ReceiptBody, ReceiptWire } from '../envelope/receipt.ts';
import { kinds } from '../kinds/registry.ts';
import { pascalName } from './add-kind-payloads.ts';
import { type JsonSchemaDocument, toJsonSchema } from './build-json-schemas.ts';

const AGENCY = 'An agency id from the signed directory (lower-case kebab, e.g. `swansea-cs`).';

/** Draft-07 schema without `$schema`, as AsyncAPI's default schema format expects. */
function asyncApiSchema(schema: Parameters<typeof toJsonSchema>[0]): JsonSchemaDocument {
  const { $schema: _ignored, ...rest } = toJsonSchema(schema, 'draft-07');
  return rest;
}

/** `ExampleKind` → `ExampleKindV1` schema names for the kinds. */
function kindSchemas(): Record<string, JsonSchemaDocument> {
  const out: Record<string, JsonSchemaDocument> = {};
  for (const contract of Object.values(kinds)) {
    out[`${pascalName(contract.name)}V${contract.version}`] = {
      description: `Plaintext payload of a ${contract.name} notification (inside the envelope ciphertext \`c\`).`,
      ...asyncApiSchema(contract.schema),
    };
  }
  return out;
}

const ref = ($ref: string) => ({ $ref });

/**
 * The AsyncAPI 3.0.0 document of the bus: share, receipt and audit-entry channels with their
 * send and receive operations, payload schemas generated from the zod contracts. Pure.
 */
export function buildAsyncApi(): Record<string, unknown> {
  return {
    asyncapi: '3.0.0',
    id: 'urn:cwtch:message-bus',
    info: {
      title: 'Cwtch message bus',
      version: '1.0.0',
      description:
        'Signed, end-to-end encrypted safeguarding notifications between agencies over NATS JetStream. ' +
        'Only routing metadata is in the clear; notification payloads are inside the envelope ciphertext.',
    },
    defaultContentType: 'application/json',
    servers: {
      dev: {
        host: '127.0.0.1:4222',
        protocol: 'nats',
        description: 'Demo region started by `cwtch dev` (the real port is in region.json).',
      },
    },
    channels: {
      share: {
        address: 'cwtch.share.{to}.{from}',
        title: 'Shares',
        description:
          'One copy of an envelope per recipient; an agency may publish only `cwtch.share.*.<self>`.',
        parameters: {
          to: { description: `Recipient. ${AGENCY}` },
          from: { description: `Sender. ${AGENCY}` },
        },
        messages: { envelope: ref('#/components/messages/Envelope') },
      },
      receipt: {
        address: 'cwtch.receipt.{sender}.{recipient}',
        title: 'Receipts',
        description: 'A recipient’s signed receipt back to the sender.',
        parameters: {
          sender: { description: `The original sender, to whom the receipt goes. ${AGENCY}` },
          recipient: { description: `The recipient that signs the receipt. ${AGENCY}` },
        },
        messages: { receipt: ref('#/components/messages/Receipt') },
      },
      auditEntry: {
        address: 'cwtch.audit.entry',
        title: 'Share log',
        description: 'Share-log entries (Merkle leaves), appended by the audit service alone, in order.',
        messages: { auditEntry: ref('#/components/messages/AuditEntry') },
      },
    },
    operations: {
      sendShare: {
        action: 'send',
        channel: ref('#/channels/share'),
        summary: 'A connector publishes a sealed envelope once per recipient.',
        messages: [ref('#/channels/share/messages/envelope')],
      },
      receiveShare: {
        action: 'receive',
        channel: ref('#/channels/share'),
        summary: 'A recipient connector (its own durable consumer) and the audit service read envelopes.',
        messages: [ref('#/channels/share/messages/envelope')],
      },
      sendReceipt: {
        action: 'send',
        channel: ref('#/channels/receipt'),
        summary: 'A recipient reports delivered, acknowledged or rejected.',
        messages: [ref('#/channels/receipt/messages/receipt')],
      },
      receiveReceipt: {
        action: 'receive',
        channel: ref('#/channels/receipt'),
        summary: 'The sender and the audit service read receipts.',
        messages: [ref('#/channels/receipt/messages/receipt')],
      },
      appendAuditEntry: {
        action: 'send',
        channel: ref('#/channels/auditEntry'),
        summary: 'The audit service appends the next leaf (single writer).',
        messages: [ref('#/channels/auditEntry/messages/auditEntry')],
      },
      readAuditEntry: {
        action: 'receive',
        channel: ref('#/channels/auditEntry'),
        summary: 'Witnesses, the auditor API and `cwtch audit verify` read the log.',
        messages: [ref('#/channels/auditEntry/messages/auditEntry')],
      },
    },
    components: {
      messages: {
        Envelope: {
          name: 'EnvelopeWire',
          title: 'CWTCH1 envelope',
          contentType: 'application/json',
          headers: {
            type: 'object',
            required: ['Nats-Msg-Id'],
            properties: {
              'Nats-Msg-Id': {
                type: 'string',
                description: '`<message id>.<recipient agency id>`: JetStream de-duplicates each copy.',
                pattern: '^[A-Za-z0-9_-]{22}\\.[a-z][a-z0-9-]{1,62}$',
              },
            },
          },
          payload: ref('#/components/schemas/EnvelopeWire'),
        },
        Receipt: {
          name: 'ReceiptWire',
          title: 'Signed receipt',
          contentType: 'application/json',
          payload: ref('#/components/schemas/ReceiptWire'),
        },
        AuditEntry: {
          name: 'AuditEntry',
          title: 'Share-log entry',
          contentType: 'application/json',
          headers: {
            type: 'object',
            required: ['Nats-Msg-Id', 'Nats-Expected-Last-Sequence'],
            properties: {
              'Nats-Msg-Id': {
                type: 'string',
                description: 'The source stream sequence of the audited message.',
              },
              'Nats-Expected-Last-Sequence': {
                type: 'string',
                description: 'The leaf index: the append fails if another writer or a gap intervened.',
              },
            },
          },
          payload: ref('#/components/schemas/AuditEntry'),
        },
      },
      schemas: {
        EnvelopeWire: asyncApiSchema(EnvelopeWire),
        EnvelopeHeader: asyncApiSchema(EnvelopeHeader),
        ReceiptWire: asyncApiSchema(ReceiptWire),
        ReceiptBody: asyncApiSchema(ReceiptBody),
        AuditEntry: asyncApiSchema(AuditEntry),
        ...kindSchemas(),
      },
    },
  };
}
