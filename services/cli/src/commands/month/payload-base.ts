import type { AgencyType } from '@cwtch/contracts';
import { addYears, londonDate, londonDateTime } from './clock.ts';
import type { MonthChild } from './cohort.ts';

/** How an agency of the demo region names itself in a payload's `sender`. */
interface SenderFacts {
  readonly type: AgencyType;
  readonly org: { readonly scheme: string; readonly value: string; readonly name: string };
  readonly role: string;
  readonly phone: string;
  readonly retention: string;
  readonly apd: string;
}

/** The demo agencies that send in the month (their directory type and organisation code). */
export const SENDERS: Readonly<Record<string, SenderFacts>> = {
  'swansea-cs': {
    type: 'childrens-services',
    org: { scheme: 'ons_gss_lad', value: 'W06000011', name: 'Swansea Council Child and Family Services' },
    role: 'Team manager, exploitation and missing team',
    phone: '01632 960123',
    retention: 'SCC-RET-CS-07',
    apd: 'SCC-APD-2024-03',
  },
  'npt-cs': {
    type: 'childrens-services',
    org: { scheme: 'ons_gss_lad', value: 'W06000012', name: "Neath Port Talbot Children's Services" },
    role: 'Missing and exploitation coordinator',
    phone: '01632 960124',
    retention: 'NPTCBC-RET-CS-02',
    apd: 'NPTCBC-APD-2025-01',
  },
  'wrexham-cs': {
    type: 'childrens-services',
    org: { scheme: 'ons_gss_lad', value: 'W06000006', name: "Wrexham Children's Services" },
    role: 'Social worker, front door',
    phone: '01632 960125',
    retention: 'WCBC-RET-CS-04',
    apd: 'WCBC-APD-2025-02',
  },
  'dudley-cs': {
    type: 'childrens-services',
    org: { scheme: 'ons_gss_lad', value: 'E08000027', name: "Dudley Children's Services" },
    role: 'Social worker, Dudley MASH',
    phone: '01632 960126',
    retention: 'DMBC-RET-CS-01',
    apd: 'DMBC-APD-2025-01',
  },
  'south-wales-police': {
    type: 'police',
    org: { scheme: 'ons_pfa', value: 'W15000003', name: 'South Wales Police' },
    role: 'Public protection unit',
    phone: '01632 960321',
    retention: 'SWP-RET-PP-04',
    apd: 'SWP-APD-2024',
  },
  'north-wales-police': {
    type: 'police',
    org: { scheme: 'ons_pfa', value: 'W15000001', name: 'North Wales Police' },
    role: 'Missing person coordinator',
    phone: '01632 960345',
    retention: 'NWP-MOPI-G3',
    apd: 'NWP-APD-2024',
  },
  'west-midlands-police': {
    type: 'police',
    org: { scheme: 'ons_pfa', value: 'E23000014', name: 'West Midlands Police' },
    role: 'Missing persons unit',
    phone: '01632 960346',
    retention: 'WMP-MOPI-G2',
    apd: 'WMP-APD-2024',
  },
  'swansea-bay-health': {
    type: 'health-board',
    org: { scheme: 'nhs_ods', value: '7A3', name: 'Swansea Bay University Health Board' },
    role: 'Safeguarding nurse',
    phone: '01632 960127',
    retention: 'SBUHB-RET-SG-03',
    apd: 'SBUHB-APD-2024',
  },
  'barnardos-cymru': {
    type: 'voluntary',
    org: { scheme: 'charity_no', value: '216250', name: "Barnardo's Cymru" },
    role: 'Project worker, exploitation service',
    phone: '01632 960456',
    retention: 'BC-RET-MISSING-02',
    apd: 'BC-APD-2024-01',
  },
  hillside: {
    type: 'childrens-home',
    org: { scheme: 'ciw_service_ref', value: 'SIN-00001234', name: "Hillside Secure Children's Home" },
    role: 'Registered manager',
    phone: '01632 960234',
    retention: 'HSCH-RET-REG-01',
    apd: 'HSCH-APD-2024',
  },
};

/** The facts of sending agency `id`. */
export function senderFacts(id: string): SenderFacts {
  const s = SENDERS[id];
  if (!s) throw new Error(`not a sender of the month: ${id}`);
  return s;
}

/** The lawful basis an agency of this type states (police under DPA 2018 Part 3; charities on 6(1)(f)). */
function lawfulBasis(from: string): Record<string, unknown> {
  const s = senderFacts(from);
  if (s.type === 'police') {
    return {
      ukGdprArt6: ['6(1)(e)'],
      dpaPart3: { isLawEnforcementProcessing: true, s35Condition: 'sch8_para4' },
      ...(s.org.value.startsWith('W') ? { statutoryGateways: ['CA2004_s28'] } : {}),
      consent: 'not_sought_would_prejudice_protection',
    };
  }
  const welsh = !s.org.value.startsWith('E');
  return {
    ukGdprArt6: [s.type === 'voluntary' ? '6(1)(f)' : '6(1)(e)'],
    ukGdprArt9: ['9(2)(g)'],
    dpa2018Sch1: ['para18'],
    ...(welsh && s.type === 'childrens-services' ? { statutoryGateways: ['SSWBA2014_s164'] } : {}),
    consent: 'not_sought_cannot_be_given',
    appropriatePolicyDocumentRef: s.apd,
  };
}

/** What every payload carries, set for this sender, time and child (keeping the example's handling and agreement). */
export function baseFields(
  example: Record<string, unknown>,
  options: {
    readonly from: string;
    readonly at: number;
    readonly purpose: string;
    readonly rationale: string;
    readonly child?: MonthChild | undefined;
    /** Keep the example's lawful basis (a home's regulatory or placement notice). */
    readonly exampleBasis?: boolean;
  },
): Record<string, unknown> {
  const s = senderFacts(options.from);
  const occurredOn = londonDate(options.at);
  const { correlationId: _c, causationId: _a, supersedes: _s, ...rest } = example;
  return {
    ...rest,
    occurredAt: londonDateTime(options.at),
    sender: { agencyType: s.type, org: s.org, contact: { role: s.role, phone: s.phone } },
    purpose: options.purpose,
    lawfulBasis: options.exampleBasis ? example.lawfulBasis : lawfulBasis(options.from),
    sharingDecision: {
      decidedByRole: s.role,
      decidedAt: londonDateTime(options.at - 20 * 60_000),
      rationale: options.rationale,
      goldenRulesVersion: '2018',
    },
    retention: {
      policyRef: s.retention,
      reviewAt: addYears(occurredOn, 1),
      ...(options.child ? { retainUntil: addYears(options.child.dateOfBirth, 25) } : {}),
    },
    language: 'en',
  };
}

/** Case references for a child: the home authority's person record, a police occurrence, the YOT's. */
export function caseRefs(child: MonthChild, police?: string): Record<string, string>[] {
  return [
    { system: 'la_person', value: child.laRef },
    ...(police ? [{ system: 'police_occurrence', value: police }] : []),
    ...(child.yotRef ? [{ system: 'yot', value: child.yotRef }] : []),
  ];
}

/** The child as a payload's `subject`: NHS number (test range), authority and YOT identifiers, status. */
export function subjectOf(
  child: MonthChild,
  options: { readonly address?: boolean } = {},
): Record<string, unknown> {
  return {
    identifiers: [
      { type: 'nhs_number', value: child.nhsNumber, verified: true },
      { type: 'la_person_id', value: child.laRef },
      ...(child.yotRef ? [{ type: 'yot_number', value: child.yotRef }] : []),
    ],
    name: { family: child.family, given: child.given },
    dateOfBirth: child.dateOfBirth,
    sex: child.sex === 'F' ? { code: 'F', text: 'Female' } : { code: 'M', text: 'Male' },
    ...(options.address
      ? { address: { lines: [...child.address.lines], postcode: child.address.postcode } }
      : {}),
    ...(child.legalStatus ? { legalStatus: { scheme: 'ssda903', code: child.legalStatus } } : {}),
    careStatus: child.careStatus,
    responsibleAuthority: child.home,
  };
}

/** A made-up police occurrence number (eleven digits). */
export function policeNumber(rng: { int(a: number, b: number): number }): string {
  return `6225${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}

/** The child's status with children's services, as an out-of-area move states it. */
export const CHILD_STATUS = {
  looked_after: 'looked_after',
  cp_plan: 'cp_plan',
  care_and_support_plan: 'care_and_support_plan',
  none: 'known_no_plan',
  care_leaver: 'known_no_plan',
} as const;

/** The child protection information sharing flag an out-of-area move states. */
export function cpIsFlag(child: MonthChild): 'lac' | 'cpp' | 'none' {
  return child.careStatus === 'looked_after' ? 'lac' : child.careStatus === 'cp_plan' ? 'cpp' : 'none';
}
