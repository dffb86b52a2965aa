import { z } from 'zod';
import type { Priority } from '../envelope/header.ts';
import { CareHomeTransition } from './care-home-transition.ts';
import type { ContractIssue } from './contract-issue.ts';
import { CseProtocolEntry } from './cse-protocol-entry.ts';
import { IntelligenceForm } from './intelligence-form.ts';
import { malformedTextIssue } from './malformed-text.ts';
import { MissingEpisode } from './missing-episode.ts';
import { OutOfAreaMove } from './out-of-area-move.ts';
import { londonMidnight } from './shared/dates.ts';
import { type SubjectKey, subjectKey } from './subject-key.ts';
import { toContractIssues } from './to-contract-issues.ts';

/** The notification kinds (DESIGN §9), fixed kebab-case names. */
export const KindName = z.enum([
  'cse-protocol-entry',
  'care-home-transition',
  'out-of-area-move',
  'intelligence-form',
  'missing-episode',
]);
export type KindName = z.infer<typeof KindName>;

/** A notification kind's contract: its schema, version, titles and routing helpers. */
export interface KindContract {
  readonly name: KindName;
  /** Major version of the payload schema (the envelope header's `sv`). */
  readonly version: number;
  readonly title: { readonly en: string; readonly cy: string };
  readonly schema: z.ZodType;
  /** Default priority. */
  readonly priority: Priority;
  /** The child's identifier for the pseudonymous subject reference: NHS number, else UPN, else name and date of birth. */
  subjectIdentifier(payload: unknown): SubjectKey | null;
  /** Respond-by time (ms since the epoch) taken from the parsed payload, or null. */
  respondBy?(payload: unknown): number | null;
}

function transitionRespondBy(payload: unknown): number | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { plannedArrivalAt, plannedMoveDate } = payload as {
    plannedArrivalAt?: unknown;
    plannedMoveDate?: unknown;
  };
  if (typeof plannedArrivalAt === 'string' && !Number.isNaN(Date.parse(plannedArrivalAt))) {
    return Date.parse(plannedArrivalAt);
  }
  if (typeof plannedMoveDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(plannedMoveDate)) {
    return londonMidnight(plannedMoveDate);
  }
  return null;
}

/** Every kind's contract, by name. */
export const kinds: Readonly<Record<KindName, KindContract>> = Object.freeze({
  'cse-protocol-entry': {
    name: 'cse-protocol-entry',
    version: 1,
    title: { en: 'Child exploitation protocol entry', cy: 'Cofnod ar y protocol camfanteisio ar blant' },
    schema: CseProtocolEntry,
    priority: 'high',
    subjectIdentifier: subjectKey,
  },
  'care-home-transition': {
    name: 'care-home-transition',
    version: 1,
    title: { en: 'Care placement transition', cy: 'Symud i leoliad gofal newydd' },
    schema: CareHomeTransition,
    priority: 'high',
    subjectIdentifier: subjectKey,
    respondBy: transitionRespondBy,
  },
  'out-of-area-move': {
    name: 'out-of-area-move',
    version: 1,
    title: {
      en: 'Child moved or found out of area',
      cy: "Plentyn wedi symud neu wedi'i ganfod y tu allan i'r ardal",
    },
    schema: OutOfAreaMove,
    priority: 'high',
    subjectIdentifier: subjectKey,
  },
  'intelligence-form': {
    name: 'intelligence-form',
    version: 1,
    title: { en: 'Partnership intelligence', cy: 'Cudd-wybodaeth gan bartneriaid' },
    schema: IntelligenceForm,
    priority: 'routine',
    subjectIdentifier: subjectKey,
  },
  'missing-episode': {
    name: 'missing-episode',
    version: 1,
    title: { en: 'Missing episode', cy: 'Achos o fynd ar goll' },
    schema: MissingEpisode,
    priority: 'urgent',
    subjectIdentifier: subjectKey,
  },
});

/** The outcome of {@link parseNotification}: the parsed (normalised) payload, or coded issues. */
export type ParseNotificationResult =
  | { ok: true; kind: KindName; version: number; value: unknown }
  | { ok: false; code: 'UNKNOWN_KIND' | 'CONTRACT_INVALID' | 'TEXT_MALFORMED'; issues: ContractIssue[] };

/**
 * Validates `payload` against the contract of `kind` (and, if given, schema `version`), refusing
 * a lone surrogate in any string or key with TEXT_MALFORMED (a payload sealed onto the bus never
 * passed the HTTP reader). Never throws, whatever the input; issues carry a path and a message but
 * never input values.
 *
 * @example
 * const result = parseNotification('missing-episode', JSON.parse(body));
 * if (!result.ok) return reply(400, { code: result.code, issues: result.issues });
 */
export function parseNotification(kind: string, payload: unknown, version?: number): ParseNotificationResult {
  try {
    const name = KindName.safeParse(kind);
    if (!name.success) {
      return {
        ok: false,
        code: 'UNKNOWN_KIND',
        issues: [{ path: [], message: 'is not a known notification kind' }],
      };
    }
    const contract = kinds[name.data];
    if (version !== undefined && version !== contract.version) {
      const message = `this connector knows version ${contract.version} of this kind only`;
      return { ok: false, code: 'UNKNOWN_KIND', issues: [{ path: [], message }] };
    }
    const malformed = malformedTextIssue(payload);
    if (malformed) return { ok: false, code: 'TEXT_MALFORMED', issues: [malformed] };
    const result = contract.schema.safeParse(payload);
    if (result.success) return { ok: true, kind: name.data, version: contract.version, value: result.data };
    return { ok: false, code: 'CONTRACT_INVALID', issues: toContractIssues(result.error.issues) };
  } catch {
    return { ok: false, code: 'CONTRACT_INVALID', issues: [{ path: [], message: 'could not be validated' }] };
  }
}
