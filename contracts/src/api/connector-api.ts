import { z } from 'zod';
import { AgencyId, Priority } from '../envelope/header.ts';

/** `POST /v1/notifications` body. */
export const SendNotificationRequest = z
  .strictObject({
    kind: z.string().min(1).max(64).meta({ description: 'Notification kind, e.g. care-home-transition' }),
    payload: z.record(z.string(), z.unknown()).meta({ description: "The kind's contract (see /schemas)" }),
    recipients: z
      .array(AgencyId)
      .min(1)
      .max(32)
      .optional()
      .meta({ description: 'Agency ids; routing rules apply when omitted' }),
    purpose: z.string().min(1).max(64).optional(),
    respondBy: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'Deadline for an acknowledgement' }),
    priority: Priority.optional(),
  })
  .meta({ id: 'SendNotificationRequest' });
export type SendNotificationRequest = z.infer<typeof SendNotificationRequest>;

/** `202` answer: the share id, who it went to, and a warning per recipient not collecting its inbox. */
export const SendNotificationResponse = z
  .strictObject({
    id: z.string(),
    recipients: z.array(AgencyId),
    warnings: z
      .array(
        z.strictObject({
          code: z.literal('RECIPIENT_NOT_COLLECTING'),
          agency: AgencyId,
          message: z.string(),
          silentForMs: z.number().int().nonnegative(),
        }),
      )
      .optional()
      .meta({
        description:
          'Present when a recipient has not collected its inbox for longer than the region allows: the share waits for it; phone them if it cannot wait',
      }),
  })
  .meta({ id: 'SendNotificationResponse' });
export type SendNotificationResponse = z.infer<typeof SendNotificationResponse>;

/** One notification in an inbox. */
export const InboxItem = z
  .object({
    id: z.string(),
    kind: z.string(),
    from: AgencyId,
    to: z.array(AgencyId).meta({ description: 'The full distribution list' }),
    receivedAt: z.iso.datetime(),
    issuedAt: z.iso.datetime(),
    status: z.enum(['new', 'acknowledged']),
    priority: Priority,
    respondBy: z.iso.datetime().nullable(),
    subject: z.string().nullable().meta({ description: 'Pseudonymous subject reference' }),
    purpose: z.string(),
    agreement: z.string(),
    acknowledgedAt: z.iso.datetime().nullable(),
    acknowledgedBy: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'InboxItem' });
export type InboxItem = z.infer<typeof InboxItem>;

/** `GET /v1/inbox` query. */
export const InboxQuery = z.strictObject({
  status: z.enum(['new', 'acknowledged']).optional(),
  kind: z.string().max(64).optional(),
  subject: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  /**
   * Mirror the inbox: items stored after this cursor, oldest first (empty: from the first), with
   * `next` to send back for the following page. Pages through everything, beyond `limit`'s cap.
   */
  after: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]*$/)
    .optional()
    .meta({ description: 'An opaque cursor from a previous `next`; empty to start from the first item' }),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

/** `GET /v1/inbox` answer. */
export const InboxList = z
  .object({
    items: z.array(InboxItem),
    /**
     * With `after`: the cursor to send as `after` next time (the last item's, or the same cursor
     * when nothing new). Fewer items than `limit` means the mirror has caught up.
     */
    next: z.string().optional(),
  })
  .meta({ id: 'InboxList' });
export type InboxList = z.infer<typeof InboxList>;

/** What one recipient has said about a share. */
export const OutboxRecipient = z.object({
  agency: AgencyId,
  status: z.enum(['sent', 'delivered', 'acknowledged', 'rejected']),
  deliveredAt: z.iso.datetime().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgedBy: z.string().nullable(),
  rejectedAt: z.iso.datetime().nullable(),
  rejectedReason: z.string().nullable(),
});
export type OutboxRecipient = z.infer<typeof OutboxRecipient>;

/** `GET /v1/outbox/{id}` answer. */
export const OutboxStatus = z
  .object({
    id: z.string(),
    kind: z.string(),
    createdAt: z.iso.datetime(),
    recipients: z.array(OutboxRecipient),
  })
  .meta({ id: 'OutboxStatus' });
export type OutboxStatus = z.infer<typeof OutboxStatus>;

/** `POST /v1/inbox/{id}/acknowledge` answer. */
export const AcknowledgeResponse = z
  .object({
    id: z.string(),
    status: z.literal('acknowledged'),
    acknowledgedAt: z.iso.datetime(),
    acknowledgedBy: z.string(),
  })
  .meta({ id: 'AcknowledgeResponse' });
export type AcknowledgeResponse = z.infer<typeof AcknowledgeResponse>;

/** The error body of every failed request. */
export const ApiError = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z
        .array(
          z.object({
            path: z.array(z.union([z.string(), z.number()])),
            message: z.string(),
            code: z.string().optional(),
          }),
        )
        .optional(),
    }),
  })
  .meta({ id: 'ApiError' });
export type ApiError = z.infer<typeof ApiError>;
