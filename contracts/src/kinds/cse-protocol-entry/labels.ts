import { type LabelGroup, LOCATION, l, MISSING_SUMMARY, nest, ORG } from '../shared/label-groups.ts';
import { SHARED_LABELS, SUBJECT_LABELS } from '../shared/shared-labels.ts';

/** Labels of every `cse-protocol-entry` field, English and Welsh. */
export const labels: LabelGroup = {
  ...SHARED_LABELS,
  ...SUBJECT_LABELS,
  exploitationTypes: l('Forms of exploitation', 'Mathau o gamfanteisio'),
  protocolStatus: l('Protocol status', 'Statws y protocol'),
  previouslyOnProtocol: l('Previously on the protocol', "Ar y protocol o'r blaen"),
  ...nest('previousProtocolPeriods', l('Previous protocol periods', 'Cyfnodau blaenorol ar y protocol'), {
    from: l('From', 'O'),
    to: l('To', 'Hyd at'),
  }),
  ...nest('riskAssessment', l('Risk assessment', 'Asesiad risg'), {
    tool: l('Tool', 'Offeryn'),
    toolName: l('Tool name', "Enw'r offeryn"),
    toolVersion: l('Tool version', 'Fersiwn yr offeryn'),
    assessedAt: l('Assessed on', 'Aseswyd ar'),
    ...nest('assessorAgency', l('Assessing agency', 'Asiantaeth asesu'), ORG),
    score: l('Score', 'Sgôr'),
    category: l('Risk category', 'Categori risg'),
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
    type: l('Discussion or meeting', 'Trafodaeth neu gyfarfod'),
    agencies: l('Agencies', 'Asiantaethau'),
    outcome: l('Outcome', 'Canlyniad'),
  }),
  concernsNarrative: l('Concerns, past and present', 'Pryderon, blaenorol a phresennol'),
  ...nest('indicators', l('Indicators', 'Dangosyddion'), {
    code: l('Code', 'Cod'),
    text: l('Indicator', 'Dangosydd'),
    period: l('When seen', "Pryd y'i gwelwyd"),
  }),
  ...nest('incidentLocations', l('Where incidents happened', 'Lle digwyddodd y digwyddiadau'), LOCATION),
  ...nest('missingSummary', l('Missing history', 'Hanes mynd ar goll'), MISSING_SUMMARY),
  ...nest('nrm', l('National Referral Mechanism', 'Y Mecanwaith Atgyfeirio Cenedlaethol'), {
    referred: l('Referred', "Wedi'i atgyfeirio"),
    reference: l('NRM reference', 'Cyfeirnod NRM'),
    stage: l('Stage', 'Cam'),
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
};
