/**
 * What an identifier rule refused, as a code a caller can switch on, with its message. Messages
 * never quote the input, so they may be logged and returned.
 */
export const IDENTIFIER_ISSUES = {
  LA_DISTRICT_COUNCIL:
    "is a district council (E07…), not a children's services authority: use its county council (E10…)",
  LA_RETIRED:
    'is the code of an authority abolished in a reorganisation: use the code of the one that replaced it',
  LA_UNKNOWN: "is not an English children's services authority on the ONS register (April 2023)",
  NHS_NUMBER_FORMAT: 'must be an NHS number: 10 digits, or NNN NNN NNNN',
  NHS_NUMBER_CHECK_DIGIT: 'is not a valid NHS number: the modulus 11 check digit fails',
  NHS_NUMBER_PLACEHOLDER:
    'is a placeholder NHS number (repeated or sequential digits): leave it out rather than merge children',
  NHS_NUMBER_TEST_RANGE: 'is an NHS test number (999…), accepted only in a demo region',
  POLICE_FORCE_NOT_FOR_AREA: 'is not the police force for that local authority',
} as const;

/** The code of an identifier rule's refusal. */
export type IdentifierIssueCode = keyof typeof IDENTIFIER_ISSUES;

/** A refusal ready for zod's `ctx.addIssue`, the code in `params.code`; spread and add a `path`. */
export type IdentifierIssue = {
  readonly code: 'custom';
  readonly message: string;
  readonly params: { readonly code: IdentifierIssueCode };
};

/**
 * The zod issue for an identifier rule's refusal.
 *
 * @example ctx.addIssue({ ...identifierIssue('POLICE_FORCE_NOT_FOR_AREA'), path: ['hostPfa'] });
 */
export function identifierIssue(code: IdentifierIssueCode): IdentifierIssue {
  return { code: 'custom', message: IDENTIFIER_ISSUES[code], params: { code } };
}

/** The identifier rule code a zod issue carries in `params.code`, or `undefined`. */
export function identifierIssueCode(issue: object): IdentifierIssueCode | undefined {
  const params = 'params' in issue ? issue.params : undefined;
  if (typeof params !== 'object' || params === null || !('code' in params)) return undefined;
  const code = params.code;
  return typeof code === 'string' && Object.hasOwn(IDENTIFIER_ISSUES, code)
    ? (code as IdentifierIssueCode)
    : undefined;
}
