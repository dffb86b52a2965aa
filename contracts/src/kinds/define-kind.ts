import type { z } from 'zod';
import type { Priority } from '../envelope/header.ts';
import type { BoardFact } from './board-statistics/items.ts';
import type { ContractIssue } from './contract-issue.ts';
import type { Label, LabelGroup } from './shared/label-groups.ts';
import type { AgencyType } from './shared/sender.ts';
import type { Lang } from './shared/summary-text.ts';
import { type SubjectKey, subjectKey } from './subject-key.ts';

/** The part a local authority plays in a payload, as routing reads it (DESIGN §6a). */
export type AreaRole = 'home' | 'host' | 'responsible' | 'area' | 'found-at';

/** A local authority (ONS GSS code) a payload names, and in which part. */
export interface RoutingArea {
  readonly role: AreaRole;
  readonly la: string;
}

/**
 * What a kind's folder declares (`contracts/src/kinds/<kind>/kind.ts`); functions see the
 * parsed payload `T`. {@link defineKind} turns it into the {@link KindContract} the registry lists.
 */
export interface KindDefinition<N extends string, T> {
  /** Contract name, fixed by DESIGN §9 (kebab-case). */
  readonly name: N;
  /** Major version of the payload schema (the envelope header's `sv`). */
  readonly version: number;
  readonly title: Label;
  readonly schema: z.ZodType<T>;
  /** Default priority. */
  readonly priority: Priority;
  /** Agency types that may send this kind (checked by `checkSenderRules`). */
  readonly senders: readonly AgencyType[];
  /** Computed by the connector, never composed by a person (no compose form). Defaults to false. */
  readonly computed?: boolean;
  /** Field paths that only police may fill. */
  readonly policeOnly?: readonly (readonly string[])[];
  /** Labels of every field (English and Welsh) and, for coded fields, of every value. */
  readonly labels: LabelGroup;
  /** Rules that depend on who sends, beyond the shared ones (issues carry a code). */
  senderRules?(payload: T, sender: AgencyType): ContractIssue[];
  /** Respond-by time (ms since the epoch), or null. */
  respondBy?(payload: T): number | null;
  /** Every local authority the payload names, for routing (DESIGN §6a). */
  areas(payload: T): RoutingArea[];
  /**
   * True when the share hands a child over (an out-of-area move, a missing child found
   * elsewhere): it stays open until a recipient accepts, and its respond-by asks each recipient
   * to accept or decline as well as acknowledge (DESIGN §6a). Defaults to false.
   */
  handover?(payload: T): boolean;
  /**
   * What the payload contributes to the board's monthly figures (DESIGN §6b), derived at the
   * sender's edge: codes and counts only, never the payload. Defaults to none.
   */
  boardFacts?(payload: T): BoardFact[];
  /** One line for an inbox row, in `lang`; never more than the child's situation in brief. */
  summary(payload: T, lang: Lang): string;
  /** The child's identifier for the subject reference; defaults to {@link subjectKey}. */
  subjectIdentifier?(payload: unknown): SubjectKey | null;
}

/** A notification kind's contract: its schema, version, titles, labels and the rules around it. */
export interface KindContract<N extends string = string> {
  readonly name: N;
  readonly version: number;
  readonly title: Label;
  readonly schema: z.ZodType;
  readonly priority: Priority;
  readonly senders: readonly AgencyType[];
  /** Computed by the connector, never composed by a person (no compose form). */
  readonly computed: boolean;
  readonly policeOnly: readonly (readonly string[])[];
  readonly labels: LabelGroup;
  /** The child's identifier for the pseudonymous subject reference: NHS number, else UPN, else name and date of birth. */
  subjectIdentifier(payload: unknown): SubjectKey | null;
  /** Respond-by time (ms since the epoch) taken from the parsed payload, or null. */
  respondBy?(payload: unknown): number | null;
  /** Sender rules of this kind for a parsed payload (none when it may go). */
  senderRules(payload: unknown, sender: AgencyType): ContractIssue[];
  /** Local authorities a parsed payload names, with their part (empty for anything else). */
  areas(payload: unknown): RoutingArea[];
  /** True when a parsed payload hands a child over and needs an acceptance (false for anything else). */
  handover(payload: unknown): boolean;
  /** The board facts of a parsed payload (empty for anything else). */
  boardFacts(payload: unknown): BoardFact[];
  /** One line for an inbox row ('' for anything that is not a parsed payload of this kind). */
  summary(payload: unknown, lang: Lang): string;
}

/** The areas given, without repeats (role and code both), in the order given. */
export function areaList(...entries: readonly (readonly [AreaRole, string | undefined])[]): RoutingArea[] {
  const out: RoutingArea[] = [];
  for (const [role, la] of entries) {
    if (la !== undefined && !out.some((a) => a.role === role && a.la === la)) out.push({ role, la });
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Runs a kind's function on a parsed payload; anything else (or a throw) gives `fallback`. */
function guarded<T, A extends unknown[], R>(fn: (payload: T, ...args: A) => R, fallback: R) {
  return (payload: unknown, ...args: A): R => {
    if (!isRecord(payload)) return fallback;
    try {
      return fn(payload as T, ...args);
    } catch {
      return fallback;
    }
  };
}

/**
 * A kind's contract from its folder's definition: the one place a kind says everything about
 * itself. Functions are guarded: given anything but a parsed payload they answer null, [] or ''.
 *
 * @example export const missingEpisode = defineKind({ name: 'missing-episode', version: 1, ... });
 */
export function defineKind<const N extends string, T>(def: KindDefinition<N, T>): KindContract<N> {
  const respondBy = def.respondBy;
  const senderRules = def.senderRules;
  return Object.freeze({
    name: def.name,
    version: def.version,
    title: def.title,
    schema: def.schema,
    priority: def.priority,
    senders: def.senders,
    computed: def.computed ?? false,
    policeOnly: def.policeOnly ?? [],
    labels: def.labels,
    subjectIdentifier: def.subjectIdentifier ?? subjectKey,
    ...(respondBy ? { respondBy: guarded((p: T) => respondBy(p), null) } : {}),
    senderRules: senderRules ? guarded((p: T, s: AgencyType) => senderRules(p, s), []) : () => [],
    areas: guarded((p: T) => def.areas(p), []),
    handover: guarded((p: T) => def.handover?.(p) ?? false, false),
    boardFacts: guarded((p: T) => def.boardFacts?.(p) ?? [], []),
    summary: guarded((p: T, lang: Lang) => def.summary(p, lang), ''),
  });
}
