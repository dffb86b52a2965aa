import type { AgencyType } from '@cwtch/contracts';
import type { Agreement, Route } from '@cwtch/directory';

/** A demo agency before keys are attached. */
export interface DemoAgency {
  readonly id: string;
  readonly name: string;
  /** The agency's name in Welsh, where it has one. */
  readonly nameCy?: string;
  readonly type: AgencyType;
  readonly codes: readonly { scheme: string; value: string }[];
  readonly areas: readonly string[];
  /** Who is alerted when a share to this agency passes its respond-by unanswered (DESIGN §6a). */
  readonly escalation?: { readonly name: string; readonly phone?: string; readonly hours?: string };
}

/** The demo region of DESIGN §7, drawn from the boards' minutes. */
export const DEMO_AGENCIES: readonly DemoAgency[] = [
  {
    id: 'swansea-cs',
    name: "City and County of Swansea Children's Services",
    nameCy: 'Gwasanaethau Plant Dinas a Sir Abertawe',
    type: 'childrens-services',
    codes: [{ scheme: 'ons_gss_lad', value: 'W06000011' }],
    areas: ['W06000011'],
    escalation: {
      name: 'Swansea Emergency Duty Team',
      phone: '01632 960101',
      hours: 'out of hours: 17:00–08:30, weekends',
    },
  },
  {
    id: 'npt-cs',
    name: "Neath Port Talbot Children's Services",
    nameCy: 'Gwasanaethau Plant Castell-nedd Port Talbot',
    type: 'childrens-services',
    codes: [{ scheme: 'ons_gss_lad', value: 'W06000012' }],
    areas: ['W06000012'],
    escalation: {
      name: "Neath Port Talbot duty manager, Children's Services",
      phone: '01632 960102',
      hours: '24 hours',
    },
  },
  {
    id: 'south-wales-police',
    name: 'South Wales Police',
    nameCy: 'Heddlu De Cymru',
    type: 'police',
    codes: [{ scheme: 'ons_pfa', value: 'W15000003' }],
    areas: ['W06000011', 'W06000012', 'W06000013', 'W06000014', 'W06000015', 'W06000016', 'W06000024'],
    escalation: { name: 'Public Protection Unit duty inspector', phone: '01632 960103', hours: '24 hours' },
  },
  {
    id: 'swansea-bay-health',
    name: 'Swansea Bay University Health Board',
    nameCy: 'Bwrdd Iechyd Prifysgol Bae Abertawe',
    type: 'health-board',
    codes: [{ scheme: 'nhs_ods', value: '7A3' }],
    areas: ['W06000011', 'W06000012'],
    escalation: {
      name: 'Named nurse for safeguarding children (on call)',
      phone: '01632 960104',
      hours: '24 hours',
    },
  },
  {
    id: 'barnardos-cymru',
    name: "Barnardo's Cymru",
    type: 'voluntary',
    codes: [{ scheme: 'charity_no', value: '216250' }],
    areas: ['W92000004'],
    escalation: {
      name: "Barnardo's Cymru service manager",
      phone: '01632 960105',
      hours: '09:00–17:00 weekdays',
    },
  },
  {
    id: 'hillside',
    name: "Hillside Secure Children's Home",
    nameCy: 'Cartref Plant Diogel Hillside',
    type: 'childrens-home',
    codes: [{ scheme: 'ciw_service_ref', value: 'SIN-00001234' }],
    areas: ['W06000012'],
    escalation: { name: 'Hillside registered manager (on call)', phone: '01632 960106', hours: '24 hours' },
  },
  {
    id: 'wrexham-cs',
    name: "Wrexham County Borough Council Children's Services",
    nameCy: 'Gwasanaethau Plant Cyngor Bwrdd Sirol Wrecsam',
    type: 'childrens-services',
    codes: [{ scheme: 'ons_gss_lad', value: 'W06000006' }],
    areas: ['W06000006'],
    escalation: {
      name: 'North Wales Emergency Duty Team',
      phone: '01632 960107',
      hours: 'out of hours: 17:00–08:30, weekends',
    },
  },
  {
    id: 'north-wales-police',
    name: 'North Wales Police',
    nameCy: 'Heddlu Gogledd Cymru',
    type: 'police',
    codes: [{ scheme: 'ons_pfa', value: 'W15000001' }],
    areas: ['W06000001', 'W06000002', 'W06000003', 'W06000004', 'W06000005', 'W06000006'],
    escalation: { name: 'Force control room duty inspector', phone: '01632 960108', hours: '24 hours' },
  },
  {
    id: 'wg-board',
    name: 'Western Bay Regional Safeguarding Board',
    nameCy: "Bwrdd Diogelu Rhanbarthol Bae'r Gorllewin",
    type: 'safeguarding-board',
    codes: [{ scheme: 'ons_gss_lad', value: 'W06000011' }],
    areas: ['W06000011', 'W06000012'],
    escalation: {
      name: 'Western Bay board business manager',
      phone: '01632 960109',
      hours: '09:00–17:00 weekdays',
    },
  },
  {
    id: 'dudley-cs',
    name: "Dudley Metropolitan Borough Council Children's Services",
    type: 'childrens-services',
    codes: [{ scheme: 'ons_gss_lad', value: 'E08000027' }],
    areas: ['E08000027'],
    escalation: {
      name: 'Dudley Emergency Duty Team',
      phone: '01632 960110',
      hours: 'out of hours: 17:00–08:45, weekends',
    },
  },
  {
    id: 'west-midlands-police',
    name: 'West Midlands Police',
    type: 'police',
    codes: [{ scheme: 'ons_pfa', value: 'E23000014' }],
    areas: ['E08000025', 'E08000026', 'E08000027', 'E08000028', 'E08000029', 'E08000030', 'E08000031'],
    escalation: { name: 'Force contact centre duty inspector', phone: '01632 960111', hours: '24 hours' },
  },
];

/** Every partner reports de-identified monthly figures to the regional board (DESIGN §6b). */
const BOARD_REPORTERS = DEMO_AGENCIES.map((a) => a.id).filter((id) => id !== 'wg-board');
const CROSS_BORDER_LOCATE = ['dudley-cs', 'west-midlands-police'];
const WESTERN_BAY = ['swansea-cs', 'npt-cs', 'south-wales-police', 'swansea-bay-health', 'barnardos-cymru'];
const ALL_WALES_LOCATE = [
  'swansea-cs',
  'npt-cs',
  'wrexham-cs',
  'south-wales-police',
  'north-wales-police',
  'hillside',
];

/**
 * The WASPI agreements of the demo region. The regional board (`wg-board`) is party to none
 * that carries identifiable notifications: it may receive de-identified statistics only.
 */
export const DEMO_AGREEMENTS: readonly Agreement[] = [
  {
    id: 'waspi-isp-wb-exploitation-2026',
    title: 'Western Bay Information Sharing Protocol: children at risk of exploitation',
    framework: 'WASPI',
    type: 'ISP',
    senders: WESTERN_BAY,
    recipients: WESTERN_BAY,
    kinds: ['cse-protocol-entry', 'missing-episode', 'return-home-interview'],
    purposes: ['safeguarding_child_at_risk', 'exploitation_disruption', 'child_protection_enquiry'],
    lawfulBasis: 'UK GDPR 6(1)(e), 9(2)(g); DPA 2018 Sch 1 para 18; SSWBA 2014 s164',
  },
  {
    id: 'waspi-isp-wb-intelligence-2026',
    title: 'Western Bay partnership intelligence submissions to South Wales Police',
    framework: 'WASPI',
    type: 'ISP',
    senders: ['swansea-cs', 'npt-cs', 'swansea-bay-health', 'barnardos-cymru', 'hillside'],
    recipients: ['south-wales-police'],
    kinds: ['intelligence-form'],
    purposes: ['intelligence_submission', 'exploitation_disruption'],
    lawfulBasis: 'UK GDPR 6(1)(e); DPA 2018 Sch 1 paras 10 and 18; CA 2004 s28',
  },
  {
    id: 'waspi-isp-all-wales-missing-2026',
    title: 'All Wales missing children and out-of-area movements',
    framework: 'WASPI',
    type: 'ISP',
    senders: ALL_WALES_LOCATE,
    recipients: ALL_WALES_LOCATE,
    kinds: ['missing-episode', 'out-of-area-move'],
    purposes: ['locate_missing_child', 'safeguarding_child_at_risk'],
    lawfulBasis: 'UK GDPR 6(1)(e), 9(2)(g); DPA 2018 Sch 1 para 18; SSWBA 2014 s130',
  },
  {
    // After the all-Wales agreement: a share within Wales keeps that agreement.
    id: 'waspi-isp-cross-border-missing-2026',
    title: 'Missing children and out-of-area movements across the border: Wales and the West Midlands',
    framework: 'WASPI',
    type: 'ISP',
    senders: [...ALL_WALES_LOCATE, ...CROSS_BORDER_LOCATE],
    recipients: [...ALL_WALES_LOCATE, ...CROSS_BORDER_LOCATE],
    kinds: ['missing-episode', 'out-of-area-move'],
    purposes: ['locate_missing_child', 'safeguarding_child_at_risk'],
    lawfulBasis: 'UK GDPR 6(1)(e), 9(2)(g); DPA 2018 Sch 1 para 18; CA 2004 s11; SSWBA 2014 s130',
  },
  {
    id: 'waspi-dda-secure-placements-2026',
    title: "Secure children's home placement transitions to the receiving authority and police",
    framework: 'WASPI',
    type: 'DDA',
    senders: ['hillside'],
    recipients: ['swansea-cs', 'npt-cs', 'wrexham-cs', 'south-wales-police', 'north-wales-police'],
    kinds: ['care-home-transition'],
    purposes: ['placement_notification', 'safeguarding_child_at_risk'],
    lawfulBasis: 'UK GDPR 6(1)(c), 6(1)(e), 9(2)(h); DPA 2018 Sch 1 paras 2 and 18; SSWBA 2014 s164',
  },
  {
    id: 'waspi-dda-care-home-registrations-2026',
    title:
      "Children's homes opening, registered, changing provider or closing: to the host authority, police and health board",
    framework: 'WASPI',
    type: 'DDA',
    senders: ['hillside'],
    recipients: ['swansea-cs', 'npt-cs', 'south-wales-police', 'swansea-bay-health'],
    kinds: ['care-home-registration'],
    purposes: ['regulatory_notification'],
    lawfulBasis:
      'UK GDPR 6(1)(c), 6(1)(e); Regulated Services (Service Providers and Responsible Individuals) (Wales) Regulations 2017',
  },
  {
    id: 'waspi-isp-wb-modern-slavery-2026',
    title:
      'Western Bay National Referral Mechanism referrals: first responders, the police trafficking lead and the guardian service',
    framework: 'WASPI',
    type: 'ISP',
    senders: ['swansea-cs', 'npt-cs', 'south-wales-police', 'barnardos-cymru'],
    recipients: ['swansea-cs', 'npt-cs', 'south-wales-police', 'barnardos-cymru'],
    kinds: ['nrm-referral'],
    purposes: ['nrm_support', 'safeguarding_child_at_risk'],
    lawfulBasis: 'UK GDPR 6(1)(e), 9(2)(g); DPA 2018 Sch 1 para 18; Modern Slavery Act 2015 s48 and s52',
  },
  {
    id: 'waspi-isp-abduction-notices-2026',
    title:
      'Child abduction warning notices: from the police to children’s services and the home where the child lives',
    framework: 'WASPI',
    type: 'ISP',
    senders: ['south-wales-police', 'north-wales-police'],
    recipients: ['swansea-cs', 'npt-cs', 'wrexham-cs', 'hillside'],
    kinds: ['abduction-warning-notice'],
    purposes: ['exploitation_disruption', 'safeguarding_child_at_risk'],
    lawfulBasis: 'DPA 2018 Part 3, s35 and Sch 8 para 4; UK GDPR 6(1)(e); CA 2004 s28',
  },
  {
    // The board's data disclosure agreement: figures in, nothing identifiable, nothing out.
    id: 'waspi-dda-board-figures-2026',
    title: "De-identified monthly figures for the regional safeguarding board's data sheet",
    framework: 'WASPI',
    type: 'DDA',
    senders: BOARD_REPORTERS,
    recipients: ['wg-board'],
    kinds: ['board-statistics'],
    purposes: ['board_statistics'],
    lawfulBasis:
      'UK GDPR 6(1)(e); SSWBA 2014 s134 and s137 (the board may require information); de-identified statistics',
  },
];

/** Default recipients when a sender names nobody. */
export const DEMO_ROUTES: readonly Route[] = [
  { kind: 'care-home-transition', from: 'hillside', to: ['swansea-cs', 'south-wales-police'] },
  { kind: 'missing-episode', from: 'hillside', to: ['npt-cs', 'south-wales-police'] },
  {
    kind: 'cse-protocol-entry',
    from: 'swansea-cs',
    to: ['south-wales-police', 'swansea-bay-health', 'barnardos-cymru'],
  },
  { kind: 'intelligence-form', from: 'barnardos-cymru', to: ['south-wales-police'] },
  { kind: 'return-home-interview', from: 'barnardos-cymru', to: ['swansea-cs', 'south-wales-police'] },
  { kind: 'nrm-referral', from: 'swansea-cs', to: ['south-wales-police', 'barnardos-cymru'] },
  { kind: 'abduction-warning-notice', from: 'south-wales-police', to: ['swansea-cs', 'hillside'] },
  {
    kind: 'care-home-registration',
    from: 'hillside',
    to: ['swansea-cs', 'south-wales-police', 'swansea-bay-health'],
  },
  ...BOARD_REPORTERS.map((from): Route => ({ kind: 'board-statistics', from, to: ['wg-board'] })),
];
