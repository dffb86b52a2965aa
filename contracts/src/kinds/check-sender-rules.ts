import type { ContractIssue } from './contract-issue.ts';
import { type KindName, kinds } from './registry.ts';
import type { AgencyType } from './shared/sender.ts';

/** Agency types that are public authorities (UK GDPR Art 6(1) last paragraph bars them from 6(1)(f)). */
const PUBLIC_AUTHORITIES: readonly AgencyType[] = [
  'childrens-services',
  'police',
  'health-board',
  'safeguarding-board',
  'youth-justice',
  'education',
  'nhs-trust',
  'regulator',
];

/** True when a kind's payload states a lawful basis: it carries personal data (not de-identified figures). */
function carriesLawfulBasis(kind: KindName): boolean {
  const shape = (kinds[kind].schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape !== undefined && Object.hasOwn(shape, 'lawfulBasis');
}

/** The field paths of `kind` that a non-police sender must leave out. */
export function policeOnlyFields(kind: KindName): readonly (readonly string[])[] {
  return kinds[kind].policeOnly;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * Rules that depend on who sends, checked by the connector after `parseNotification` succeeded,
 * with the sender's type from the signed directory. Returns no issues when the share may go.
 *
 * - the sender's type must be one the kind allows (the kind's `senders`);
 * - `sender.agencyType` in the payload must be the directory's type for the sender;
 * - police-only fields ({@link policeOnlyFields}) from anyone else are refused;
 * - police senders must give `lawfulBasis.dpaPart3` (in a kind that states a lawful basis);
 * - public authorities may not rely on UK GDPR Art 6(1)(f);
 * - then the kind's own sender rules (its folder's `kind.ts`).
 *
 * @example
 * const issues = checkSenderRules('intelligence-form', parsed.value, 'voluntary');
 * if (issues.length > 0) refuse(403, issues);
 */
export function checkSenderRules(kind: KindName, payload: unknown, senderType: AgencyType): ContractIssue[] {
  const issues: ContractIssue[] = [];
  const add = (path: string[], message: string, code: string) => issues.push({ path, message, code });
  const contract = kinds[kind];
  if (!contract.senders.includes(senderType)) {
    add([], 'may not be sent by this type of agency', 'SENDER_NOT_ALLOWED');
  }
  if (at(payload, ['sender', 'agencyType']) !== senderType) {
    add(['sender', 'agencyType'], 'must be the sending agency type in the directory', 'SENDER_MISMATCH');
  }
  if (senderType !== 'police') {
    for (const path of policeOnlyFields(kind)) {
      if (at(payload, path) !== undefined) add([...path], 'may be filled by police only', 'POLICE_ONLY');
    }
  } else if (carriesLawfulBasis(kind) && at(payload, ['lawfulBasis', 'dpaPart3']) === undefined) {
    add(['lawfulBasis', 'dpaPart3'], 'is required from police (DPA 2018 Part 3)', 'REQUIRED_FOR_SENDER');
  }
  const art6 = at(payload, ['lawfulBasis', 'ukGdprArt6']);
  if (PUBLIC_AUTHORITIES.includes(senderType) && Array.isArray(art6) && art6.includes('6(1)(f)')) {
    add(
      ['lawfulBasis', 'ukGdprArt6'],
      'may not include 6(1)(f): public authorities cannot rely on legitimate interests for their tasks',
      'BASIS_NOT_AVAILABLE',
    );
  }
  issues.push(...contract.senderRules(payload, senderType));
  return issues;
}
