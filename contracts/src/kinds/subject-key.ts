import { normaliseNhsNumber } from '../identifiers/nhs-number.ts';
import { normaliseUpn } from '../identifiers/upn.ts';

/** The child's identifier from which the envelope's pseudonymous subject reference is derived. */
export interface SubjectKey {
  readonly type: 'nhs' | 'upn' | 'name-dob';
  readonly value: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lower case, accents removed, white space collapsed: so systems that spell a name alike match. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

function identifier(identifiers: unknown[], type: string): string | null {
  for (const entry of identifiers) {
    if (isRecord(entry) && entry.type === type && typeof entry.value === 'string') return entry.value;
  }
  return null;
}

/**
 * The identifier for a parsed payload's `subject`: the first NHS number (10 digits), else the
 * first UPN (upper case), else `family|given|dateOfBirth` folded to lower case without accents;
 * `null` when the payload has no subject.
 *
 * @example subjectKey(payload) // { type: 'nhs', value: '9434765919' }
 */
export function subjectKey(payload: unknown): SubjectKey | null {
  const subject = isRecord(payload) ? payload.subject : undefined;
  if (!isRecord(subject)) return null;
  const identifiers = Array.isArray(subject.identifiers) ? subject.identifiers : [];
  const nhs = identifier(identifiers, 'nhs_number');
  if (nhs !== null) return { type: 'nhs', value: normaliseNhsNumber(nhs) ?? nhs };
  const upn = identifier(identifiers, 'upn');
  if (upn !== null) return { type: 'upn', value: normaliseUpn(upn) ?? upn };
  const name = subject.name;
  const dob = subject.dateOfBirth;
  if (!isRecord(name) || typeof name.family !== 'string' || typeof name.given !== 'string') return null;
  if (typeof dob !== 'string') return null;
  return { type: 'name-dob', value: `${fold(name.family)}|${fold(name.given)}|${dob.trim()}` };
}
