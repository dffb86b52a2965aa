import { z } from 'zod';
import { hotSchema } from '../schema/hot-schema.ts';
import { abductionWarningNotice } from './abduction-warning-notice/kind.ts';
import { boardStatistics } from './board-statistics/kind.ts';
import { careHomeRegistration } from './care-home-registration/kind.ts';
import { careHomeTransition } from './care-home-transition/kind.ts';
import type { ContractIssue } from './contract-issue.ts';
import { cseProtocolEntry } from './cse-protocol-entry/kind.ts';
import type { KindContract as Contract } from './define-kind.ts';
import { intelligenceForm } from './intelligence-form/kind.ts';
import { malformedTextIssue } from './malformed-text.ts';
import { missingEpisode } from './missing-episode/kind.ts';
import { nrmReferral } from './nrm-referral/kind.ts';
import { outOfAreaMove } from './out-of-area-move/kind.ts';
import { returnHomeInterview } from './return-home-interview/kind.ts';
import { toContractIssues } from './to-contract-issues.ts';

/**
 * Every notification kind, one line each: a kind is its folder (`./<kind>/kind.ts`) plus its
 * line here. `registry.test.ts` fails when a folder is missing from this list.
 */
const KIND_LIST = [
  cseProtocolEntry,
  careHomeTransition,
  outOfAreaMove,
  intelligenceForm,
  missingEpisode,
  returnHomeInterview,
  careHomeRegistration,
  nrmReferral,
  abductionWarningNotice,
  boardStatistics,
] as const;

/** A notification kind's name (DESIGN §9): agreements, routes and benches take this type. */
export type KindName = (typeof KIND_LIST)[number]['name'];

/** The notification kinds (DESIGN §9), fixed kebab-case names, in registry order. */
export const KindName = z.enum(KIND_LIST.map((k) => k.name) as [KindName, ...KindName[]]);

/** A notification kind's contract: its schema, version, titles, labels, sender and routing rules. */
export type KindContract = Contract<KindName>;

/** Every kind's contract, by name. */
export const kinds: Readonly<Record<KindName, KindContract>> = Object.freeze(
  Object.fromEntries(KIND_LIST.map((k) => [k.name, k])) as Record<KindName, KindContract>,
);

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
    const result = hotSchema(contract.schema).safeParse(payload);
    if (result.success) return { ok: true, kind: name.data, version: contract.version, value: result.data };
    return { ok: false, code: 'CONTRACT_INVALID', issues: toContractIssues(result.error.issues) };
  } catch {
    return { ok: false, code: 'CONTRACT_INVALID', issues: [{ path: [], message: 'could not be validated' }] };
  }
}
