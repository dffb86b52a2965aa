import { z } from 'zod';
import { AgencyId } from '../envelope/header.ts';

/** `POST /v1/notifications/route` body: what a send would carry, without recipients. */
export const RouteRequest = z
  .strictObject({
    kind: z.string().min(1).max(64).meta({ description: 'Notification kind, e.g. out-of-area-move' }),
    payload: z.record(z.string(), z.unknown()).meta({ description: "The kind's contract (see /schemas)" }),
    purpose: z.string().min(1).max(64).optional(),
  })
  .meta({ id: 'RouteRequest' });
export type RouteRequest = z.infer<typeof RouteRequest>;

/** Why routing chose or found an agency: its part for an area the payload names, or a fixed rule. */
export const RouteReason = z.strictObject({
  role: z.enum(['front-door', 'police', 'health-board', 'rule']),
  area: z
    .strictObject({
      la: z.string().meta({ description: 'ONS code of the local authority' }),
      role: z.enum(['home', 'host', 'responsible', 'area', 'found-at']),
      name: z.string().nullable(),
    })
    .optional(),
});
export type RouteReason = z.infer<typeof RouteReason>;

/** `200` answer of the dry run: nothing is sealed or sent. */
export const RouteResponse = z
  .strictObject({
    recipients: z.array(
      z.strictObject({
        agency: AgencyId,
        name: z.string(),
        agreement: z.string(),
        because: z.array(RouteReason),
      }),
    ),
    skipped: z
      .array(
        z.strictObject({
          agency: AgencyId,
          name: z.string(),
          reason: z.enum(['NO_AGREEMENT', 'SENDER']),
          because: z.array(RouteReason),
        }),
      )
      .meta({
        description: 'Agencies routing found but leaves out: no agreement covers them, or the sender itself',
      }),
    agreement: z.strictObject({ id: z.string(), title: z.string() }),
  })
  .meta({ id: 'RouteResponse' });
export type RouteResponse = z.infer<typeof RouteResponse>;
