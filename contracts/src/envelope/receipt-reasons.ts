import { z } from 'zod';

/** Why a recipient declines a share (a `declined` receipt's `reason`); the note may say more. */
export const DeclineReason = z.enum([
  'NOT_OUR_AREA',
  'NOT_OUR_SERVICE',
  'ALREADY_KNOWN',
  'INSUFFICIENT_INFORMATION',
  'REFERRED_ELSEWHERE',
  'OTHER',
]);
export type DeclineReason = z.infer<typeof DeclineReason>;

/** What a recipient did (an `actioned` receipt's `reason`); the note may say more. */
export const ActionOutcome = z.enum([
  'CHILD_LOCATED',
  'CHILD_SEEN',
  'STRATEGY_DISCUSSION',
  'ASSESSMENT_STARTED',
  'SAFETY_PLAN_UPDATED',
  'REFERRED_ON',
  'INFORMATION_RECORDED',
  'NO_FURTHER_ACTION',
  'OTHER',
]);
export type ActionOutcome = z.infer<typeof ActionOutcome>;

/** Why a sender recalls a share (a `recalled` statement's `reason`); the note may say more. */
export const RecallReason = z.enum(['MISDIRECTED', 'WRONG_CHILD', 'SENT_IN_ERROR', 'SUPERSEDED', 'OTHER']);
export type RecallReason = z.infer<typeof RecallReason>;

/** The step of an escalation ladder an `escalated` statement records. */
export const EscalationStep = z.enum(['ESCALATION_STEP_1', 'ESCALATION_STEP_2']);
export type EscalationStep = z.infer<typeof EscalationStep>;

/**
 * Why a sender withholds a share from subject access reports (an `embargoed` statement's
 * `reason`): telling the child or family that it exists could prejudice what it is about.
 */
export const EmbargoReason = z.enum([
  'CRIMINAL_INVESTIGATION',
  'CHILD_PROTECTION_ENQUIRY',
  'RISK_OF_SERIOUS_HARM',
  'LEGAL_PROCEEDINGS',
  'OTHER',
]);
export type EmbargoReason = z.infer<typeof EmbargoReason>;
