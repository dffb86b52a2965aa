import type { KindName } from '@cwtch/contracts';
import type { MonthChild } from './cohort.ts';
import type { Random } from './random.ts';

/** A recipient's planned answer beyond its acknowledgement: take a handover on, decline it, or say what was done. */
export interface PlannedResponse {
  readonly agency: string;
  readonly status: 'accepted' | 'declined' | 'actioned';
  readonly reason?: string;
}

/**
 * The coded attributes of one notification that the board's monthly figures count (DESIGN
 * §6b), kind by kind. Areas are ONS GSS codes; districts are postcode outward codes.
 */
export type MonthFacts =
  | {
      readonly kind: 'missing-episode';
      /** M missing, A absent (away without authorisation). */
      readonly episodeType: 'M' | 'A';
      readonly policeRiskGrade: 'no_apparent_risk' | 'low' | 'medium' | 'high';
      readonly reportedMissingFrom: string;
      readonly reportedDistrict: string;
      readonly ended: boolean;
      readonly foundAt: string | null;
      readonly foundDistrict: string | null;
      /** Where found, against the area reported missing from (the board's `missing_found` breakdown). */
      readonly foundIn: 'own_area' | 'other_welsh_area' | 'england' | null;
      readonly handover: boolean;
      /** The child's first missing episode ever (this one, when `firstEpisode`). */
      readonly firstMissingDate: string;
      readonly firstEpisode: boolean;
      /** The child's age on `firstMissingDate`. */
      readonly ageAtFirstMissing: number;
      readonly ageAtEpisode: number;
      readonly exploitationConcerns: boolean;
      /** The return interview the episode records itself (none when a `return-home-interview` follows). */
      readonly returnInterview: {
        readonly offered: boolean;
        readonly accepted: boolean | null;
        readonly held: boolean;
        readonly withinTimescale: boolean | null;
      } | null;
    }
  | {
      readonly kind: 'return-home-interview';
      readonly offered: boolean;
      readonly accepted: boolean | null;
      readonly held: boolean;
      /** Held within 72 hours of the episode's end. */
      readonly withinTimescale: boolean | null;
      readonly hoursAfterEpisode: number | null;
      readonly exploitationIndicators: readonly string[];
    }
  | {
      readonly kind: 'cse-protocol-entry';
      /** `entered` is new to the protocol, `reviewed` open, `closed` and `stepped_down` closed. */
      readonly protocolStatus: 'screening' | 'entered' | 'reviewed' | 'stepped_down' | 'closed';
      readonly exploitationTypes: readonly string[];
      readonly previouslyOnProtocol: boolean;
      readonly riskCategory: string;
      readonly incidentAreas: readonly string[];
      readonly incidentDistricts: readonly string[];
      /** Family group conferences the entry records: the dates offered and held. */
      readonly familyGroupConferences: readonly {
        readonly offered: string | null;
        readonly held: string | null;
      }[];
      /** From the entry's missing summary; null when the child had not gone missing before the month. */
      readonly firstMissingDate: string | null;
      readonly ageAtFirstMissing: number | null;
      /** Known to the youth justice service (youth offending team). */
      readonly youthJusticeInvolvement: boolean;
      readonly nrmReferred: boolean;
      readonly cawnIssued: boolean;
    }
  | {
      readonly kind: 'intelligence-form';
      readonly themes: readonly string[];
      readonly provenance: string;
      readonly handlingCode: 'P' | 'C';
      readonly locationDistricts: readonly string[];
      readonly toPolice: true;
    }
  | {
      readonly kind: 'out-of-area-move';
      readonly movementType: string;
      /** The child's home authority: a move out of it. */
      readonly homeLa: string;
      /** The authority the child is in now: a move into it. */
      readonly hostLa: string;
    }
  | {
      readonly kind: 'care-home-transition';
      readonly transitionType: string | null;
      readonly direction: 'leaving-hillside' | 'into-hillside';
      readonly responsibleAuthority: string;
      readonly areaAuthority: string;
      readonly notificationTiming: 'before_placement' | 'within_5_working_days' | 'late';
      readonly emergency: boolean;
      readonly plannedArrivalAt: string;
      /** The share goes before the planned arrival. */
      readonly notifiedBeforeArrival: boolean;
    }
  | {
      readonly kind: 'care-home-registration';
      readonly event: string;
      readonly hostLa: string;
      readonly serviceType: string;
      readonly settingName: string;
    }
  | {
      readonly kind: 'nrm-referral';
      readonly personType: 'child' | 'adult';
      readonly exploitationTypes: readonly string[];
      readonly decisionStage: string;
      /** The Independent Child Trafficking Guardian referral (children only). */
      readonly guardianReferral: 'made' | 'not_made' | null;
      readonly countyLines: boolean;
    }
  | {
      readonly kind: 'abduction-warning-notice';
      readonly event: string;
      readonly cawnType: string;
      readonly issuingForce: string;
    };

/** One notification of the month as a story decides it, before its place in the plan. */
export interface Draft {
  readonly kind: Exclude<KindName, 'board-statistics'>;
  readonly child: MonthChild | null;
  readonly from: string;
  /** Named recipients; null leaves them to routing (the payload's areas and the directory's routes). */
  readonly to: readonly string[] | null;
  readonly purpose: string;
  /** When it happened (the payload's `occurredAt`), ms. */
  readonly at: number;
  readonly handover: boolean;
  readonly responses: readonly PlannedResponse[];
  readonly facts: MonthFacts;
  readonly payload: Record<string, unknown>;
}

/** What a story needs: the month's span, the contract examples, and the generator. */
export interface MonthContext {
  readonly rng: Random;
  /** The month's first instant (London midnight on the 1st). */
  readonly start: number;
  /** The plan's present: nothing happens after it. */
  readonly now: number;
  readonly examples: Readonly<Record<Exclude<KindName, 'board-statistics'>, Record<string, unknown>>>;
  /** An instant from the 1st up to `latest` (default: ten minutes ago). */
  when(latest?: number): number;
  /** `ms`, kept between the month's first instant and a minute before now. */
  clamp(ms: number): number;
}

/** Removes the keys whose value is undefined (a payload leaves a field out, never nulls it). */
export function defined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** `ids` without repeats and without `sender`. */
export function recipients(sender: string, ids: readonly (string | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== undefined && id !== sender))];
}

/**
 * A host's answer to a handover, from a roll in [0, 1): accepted below `accept`, declined with
 * `reason` below `answer`, else none (the handover stays open).
 */
export function hostAnswer(
  roll: number,
  host: string,
  accept: number,
  answer: number,
  reason: string,
): PlannedResponse[] {
  if (roll >= answer) return [];
  return [
    roll < accept ? { agency: host, status: 'accepted' } : { agency: host, status: 'declined', reason },
  ];
}
