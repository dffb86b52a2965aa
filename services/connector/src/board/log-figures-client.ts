import { AUDIT_API, type NatsConnection } from '@cwtch/bus';
import { z } from 'zod';

const Counts = z.record(z.string(), z.number().int().min(0));

/** What the share log knows of one agency's month, from metadata alone (the audit service's figures). */
const AgencyLogFigures = z.object({
  sent: z.record(z.string(), Counts),
  received: z.record(z.string(), Counts),
  acknowledgement: z.object({
    count: z.number().int().min(0),
    medianMs: z.number().nullable(),
    p90Ms: z.number().nullable(),
  }),
  respondBy: z.object({ due: z.number().int().min(0), met: z.number().int().min(0) }),
  escalations: z.object({ signed: z.number().int().min(0), received: z.number().int().min(0) }),
  rejections: Counts,
});

/** The audit service's answer to `cwtch.audit.api.figures` (services/audit/README.md). */
export const LogFigures = z.object({
  month: z.string(),
  generatedAt: z.string(),
  logSize: z.number().int().min(0),
  agencies: z.record(z.string(), AgencyLogFigures),
});
export type LogFigures = z.infer<typeof LogFigures>;

/** Shares of `kind` an agency sent in the month, as the log counts them (every priority). */
export function loggedSent(figures: LogFigures | null, agency: string, kind: string): number {
  const byPriority = figures?.agencies[agency]?.sent[kind] ?? {};
  return Object.values(byPriority).reduce((n, v) => n + v, 0);
}

/**
 * Asks the audit service for a month's figures over NATS; null when it does not answer in time or
 * answers with an error (the sheet then says the log could not be asked, never a silent blank).
 */
export function logFiguresClient(nc: NatsConnection): (month: string) => Promise<LogFigures | null> {
  return async (month) => {
    try {
      const res = await nc.request(AUDIT_API.figures, JSON.stringify({ month }), { timeout: 5000 });
      const parsed = LogFigures.safeParse(res.json());
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
}
