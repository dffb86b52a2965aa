import { EXPLOITATION_TYPES, NRM_STAGES } from '../shared/exploitation-labels.ts';
import {
  codes,
  type LabelGroup,
  LOCATION,
  LOW_MEDIUM_HIGH,
  l,
  MISSING_SUMMARY,
  nest,
  ORG,
} from '../shared/label-groups.ts';
import { GradedCategory, Seraf4Category } from '../shared/risk-assessment.ts';
import { SHARED_LABELS, SUBJECT_LABELS } from '../shared/shared-labels.ts';
import { ProtocolStatus } from './schema.ts';

/** Labels of every `cse-protocol-entry` field, English and Welsh. */
export const labels: LabelGroup = {
  ...SHARED_LABELS,
  ...SUBJECT_LABELS,
  exploitationTypes: l('Forms of exploitation', 'Mathau o gamfanteisio', EXPLOITATION_TYPES),
  protocolStatus: l(
    'Protocol status',
    'Statws y protocol',
    codes(ProtocolStatus, {
      screening: ['Screening', 'Sgrinio'],
      entered: ['Entered on the protocol', "Wedi'i roi ar y protocol"],
      reviewed: ['Reviewed', 'Adolygwyd'],
      stepped_down: ['Stepped down', 'Wedi camu i lawr'],
      closed: ['Closed', 'Wedi cau'],
    }),
  ),
  previouslyOnProtocol: l('Previously on the protocol', "Ar y protocol o'r blaen"),
  ...nest('previousProtocolPeriods', l('Previous protocol periods', 'Cyfnodau blaenorol ar y protocol'), {
    from: l('From', 'O'),
    to: l('To', 'Hyd at'),
  }),
  ...nest('riskAssessment', l('Risk assessment', 'Asesiad risg'), {
    tool: l('Tool', 'Offeryn', {
      SERAF: {
        en: 'SERAF (Sexual Exploitation Risk Assessment Framework)',
        cy: 'SERAF (Fframwaith Asesu Risg Camfanteisio Rhywiol)',
      },
      local_exploitation_screening: {
        en: 'Local exploitation screening tool',
        cy: 'Offeryn sgrinio camfanteisio lleol',
      },
      other: { en: 'Other tool', cy: 'Offeryn arall' },
    }),
    toolName: l('Tool name', "Enw'r offeryn"),
    toolVersion: l('Tool version', 'Fersiwn yr offeryn'),
    assessedAt: l('Assessed on', 'Aseswyd ar'),
    ...nest('assessorAgency', l('Assessing agency', 'Asiantaeth asesu'), ORG),
    score: l('Score', 'Sgôr'),
    category: l('Risk category', 'Categori risg', {
      ...codes(Seraf4Category, {
        not_at_risk: ['Not at risk (SERAF 0–5)', 'Ddim mewn perygl (SERAF 0–5)'],
        mild: ['Mild (SERAF 6–10)', 'Ysgafn (SERAF 6–10)'],
        moderate: ['Moderate (SERAF 11–15)', 'Cymedrol (SERAF 11–15)'],
        significant: ['Significant (SERAF 16 or more)', 'Sylweddol (SERAF 16 neu fwy)'],
      }),
      ...codes(GradedCategory, LOW_MEDIUM_HIGH),
    }),
    overrideReason: l('Reason for professional override', 'Rheswm dros ddiystyru proffesiynol'),
    ...nest('serafBreakdown', l('SERAF breakdown', 'Dadansoddiad SERAF'), {
      vulnerabilities: l('Vulnerabilities', 'Ffactorau bregusrwydd'),
      moderateIndicators: l('Moderate indicators', 'Dangosyddion cymedrol'),
      significantCurrent: l(
        'Significant indicators (last 6 months)',
        'Dangosyddion sylweddol (6 mis diwethaf)',
      ),
      significantRecent: l(
        'Significant indicators (6–12 months ago)',
        'Dangosyddion sylweddol (6–12 mis yn ôl)',
      ),
    }),
  }),
  reviewDueAt: l('Review due', 'Adolygiad yn ddyledus'),
  ...nest('strategyDiscussion', l('Strategy discussion', 'Trafodaeth strategaeth'), {
    date: l('Date', 'Dyddiad'),
    type: l('Discussion or meeting', 'Trafodaeth neu gyfarfod', {
      discussion: { en: 'Discussion', cy: 'Trafodaeth' },
      meeting: { en: 'Meeting', cy: 'Cyfarfod' },
    }),
    agencies: l('Agencies', 'Asiantaethau'),
    outcome: l('Outcome', 'Canlyniad', {
      s47_enquiry: { en: 'Section 47 enquiry', cy: 'Ymholiad adran 47' },
      multi_agency_plan: { en: 'Multi-agency plan', cy: 'Cynllun amlasiantaethol' },
      no_further_action: { en: 'No further action', cy: 'Dim camau pellach' },
      other: { en: 'Other', cy: 'Arall' },
    }),
  }),
  concernsNarrative: l('Concerns, past and present', 'Pryderon, blaenorol a phresennol'),
  ...nest('indicators', l('Indicators', 'Dangosyddion'), {
    code: l('Code', 'Cod'),
    text: l('Indicator', 'Dangosydd'),
    period: l('When seen', "Pryd y'i gwelwyd", {
      current_6m: { en: 'In the last 6 months', cy: 'Yn ystod y 6 mis diwethaf' },
      '6_12m': { en: '6 to 12 months ago', cy: '6 i 12 mis yn ôl' },
    }),
  }),
  ...nest('incidentLocations', l('Where incidents happened', 'Lle digwyddodd y digwyddiadau'), LOCATION),
  ...nest('missingSummary', l('Missing history', 'Hanes mynd ar goll'), MISSING_SUMMARY),
  ...nest('nrm', l('National Referral Mechanism', 'Y Mecanwaith Atgyfeirio Cenedlaethol'), {
    referred: l('Referred', "Wedi'i atgyfeirio"),
    reference: l('NRM reference', 'Cyfeirnod NRM'),
    stage: l('Stage', 'Cam', NRM_STAGES),
  }),
  ...nest('cawn', l('Child Abduction Warning Notices', 'Hysbysiadau Rhybudd Cipio Plant'), {
    issued: l('Issued', "Wedi'u cyflwyno"),
    noticeIds: l('Notice references', "Cyfeirnodau'r hysbysiadau"),
  }),
  associatedIntelligenceRefs: l('Linked intelligence', 'Cudd-wybodaeth gysylltiedig'),
  childViews: l("The child's views", 'Barn y plentyn'),
  ...nest('familyGroupConferences', l('Family group conferences', 'Cynadleddau grŵp teulu'), {
    offered: l('Offered on', 'Cynigiwyd ar'),
    held: l('Held on', 'Cynhaliwyd ar'),
  }),
  policeOccurrenceRef: l('Police occurrence reference', 'Cyfeirnod digwyddiad yr heddlu'),
  ppnRef: l('Public Protection Notice reference', "Cyfeirnod Hysbysiad Diogelu'r Cyhoedd"),
  youthJusticeInvolvement: l(
    'Known to the youth justice service',
    "Yn hysbys i'r gwasanaeth cyfiawnder ieuenctid",
  ),
};
