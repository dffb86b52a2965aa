import {
  CONTACT,
  type LabelGroup,
  LOCATION,
  l,
  MISSING_SUMMARY,
  nest,
  ORG,
  PLACEMENT,
} from './label-groups.ts';

/** Labels of `cse-protocol-entry` fields. */
export const CSE_PROTOCOL_ENTRY_LABELS: LabelGroup = {
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

/** Labels of `care-home-transition` fields. */
export const CARE_HOME_TRANSITION_LABELS: LabelGroup = {
  responsibleAuthority: l('Responsible authority', 'Awdurdod cyfrifol'),
  areaAuthority: l('Receiving (area) authority', "Awdurdod sy'n derbyn (awdurdod yr ardal)"),
  ...nest('currentPlacement', l('Current placement', 'Lleoliad presennol'), PLACEMENT),
  ...nest('proposedPlacement', l('Proposed placement', 'Lleoliad arfaethedig'), PLACEMENT),
  plannedMoveDate: l('Planned move date', 'Dyddiad symud arfaethedig'),
  plannedArrivalAt: l('Planned arrival', 'Amser cyrraedd arfaethedig'),
  isEmergencyPlacement: l('Emergency placement', 'Lleoliad brys'),
  notificationTiming: l('When notice was given', 'Pryd y rhoddwyd hysbysiad'),
  ...nest('approval', l('Approval', 'Cymeradwyaeth'), {
    approvedBy: l('Approved by', 'Cymeradwywyd gan'),
    approvedAt: l('Approved at', 'Cymeradwywyd am'),
  }),
  distanceMiles: l('Distance (miles)', 'Pellter (milltiroedd)'),
  reasonForChange: l('Reason for change', 'Rheswm dros newid'),
  careAndSupportPlanShared: l('Care and support plan shared', "Cynllun gofal a chymorth wedi'i rannu"),
  ...nest('iroContact', l('Independent Reviewing Officer', 'Swyddog Adolygu Annibynnol'), CONTACT),
  ...nest('educationPlan', l('Education plan', 'Cynllun addysg'), {
    type: l('Plan type', 'Math o gynllun'),
    responsibleLa: l('Responsible local authority', 'Awdurdod lleol cyfrifol'),
  }),
  healthBodiesNotified: l('Health bodies told', 'Cyrff iechyd a hysbyswyd'),
  ...nest('risks', l('Risks', 'Risgiau'), {
    exploitationRef: l('Exploitation protocol entry', 'Cofnod ar y protocol camfanteisio'),
    ...nest('missing', l('Missing history', 'Hanes mynd ar goll'), MISSING_SUMMARY),
    other: l('Other risks', 'Risgiau eraill'),
  }),
  policeNotified: l('Police forces told', 'Heddluoedd a hysbyswyd'),
};

/** Labels of where a child was reported missing from and found (two kinds share them). */
export const WHEREABOUTS_LABELS: LabelGroup = {
  ...nest('reportedMissingFrom', l('Reported missing from', 'Adroddwyd ar goll o'), {
    ...LOCATION,
    at: l('Reported missing at', 'Adroddwyd ar goll am'),
  }),
  ...nest('foundAt', l('Where found', "Lle cafwyd hyd i'r plentyn"), {
    ...LOCATION,
    at: l('Time found', "Amser cael hyd i'r plentyn"),
  }),
};

/** Labels of `out-of-area-move` fields. */
export const OUT_OF_AREA_MOVE_LABELS: LabelGroup = {
  movementType: l('Type of move', 'Math o symudiad'),
  homeLa: l('Home local authority', 'Awdurdod lleol cartref'),
  hostLa: l('Host local authority', "Awdurdod lleol sy'n lletya"),
  homePfa: l('Home police force area', 'Ardal heddlu cartref'),
  hostPfa: l('Host police force area', "Ardal heddlu sy'n lletya"),
  ...nest('foundBy', l('Found by', 'Canfuwyd gan'), ORG),
  childStatus: l("Child's status", 'Statws y plentyn'),
  riskSummary: l('Risk summary', "Crynodeb o'r risg"),
  riskRefs: l('Linked notifications', 'Hysbysiadau cysylltiedig'),
  actionsRequested: l('Actions requested', 'Camau y gofynnwyd amdanynt'),
  cpIsFlag: l('CP-IS flag', 'Baner CP-IS'),
};

/** Labels of `intelligence-form` fields. */
export const INTELLIGENCE_FORM_LABELS: LabelGroup = {
  urgency: l('Urgency', 'Brys'),
  themes: l('Themes', 'Themâu'),
  provenance: l('How the information was obtained', 'Sut y cafwyd yr wybodaeth'),
  subjectAware: l(
    'Child or family aware of this report',
    "Y plentyn neu'r teulu'n gwybod am yr adroddiad hwn",
  ),
  ...nest('persons', l('People', 'Pobl'), {
    role: l('Role', 'Rôl'),
    names: l('Names', 'Enwau'),
    nicknames: l('Nicknames', 'Llysenwau'),
    dob: l('Date of birth', 'Dyddiad geni'),
    ageApprox: l('Approximate age', 'Oedran bras'),
    description: l('Description', 'Disgrifiad'),
    ...nest('address', l('Address', 'Cyfeiriad'), {
      lines: l('Address', 'Cyfeiriad'),
      postcode: l('Postcode', 'Cod post'),
    }),
    phones: l('Telephone numbers', 'Rhifau ffôn'),
    socialMedia: l('Social media', 'Cyfryngau cymdeithasol'),
  }),
  ...nest('vehicles', l('Vehicles', 'Cerbydau'), {
    vrm: l('Registration', 'Rhif cofrestru'),
    partialVrm: l('Partial registration', "Rhan o'r rhif cofrestru"),
    make: l('Make', 'Gwneuthuriad'),
    model: l('Model', 'Model'),
    colour: l('Colour', 'Lliw'),
    features: l('Distinguishing features', 'Nodweddion amlwg'),
  }),
  ...nest('locations', l('Locations', 'Lleoliadau'), {
    type: l('Type of place', 'Math o le'),
    postcode: l('Postcode', 'Cod post'),
    description: l('Place', 'Lle'),
    observedAt: l('Seen at', 'Gwelwyd am'),
  }),
  ...nest('communications', l('Phones, usernames and addresses', 'Ffonau, enwau defnyddiwr a chyfeiriadau'), {
    type: l('Type', 'Math'),
    value: l('Number, name or address', 'Rhif, enw neu gyfeiriad'),
    platform: l('Platform', 'Platfform'),
  }),
  ...nest('financial', l('Financial details', 'Manylion ariannol'), {
    type: l('Type', 'Math'),
    detail: l('Details', 'Manylion'),
  }),
  ...nest('events', l('Events', 'Digwyddiadau'), {
    from: l('From', 'O'),
    to: l('To', 'Hyd at'),
    what: l('What happened', 'Beth ddigwyddodd'),
  }),
  narrative: l('Account', 'Adroddiad'),
  ...nest('policeEvaluation', l('Police evaluation (3x5x2)', 'Gwerthusiad yr heddlu (3x5x2)'), {
    source: l('Source evaluation', "Gwerthuso'r ffynhonnell"),
    intelligence: l('Intelligence assessment', "Asesu'r gudd-wybodaeth"),
    handling: l('Handling code', 'Cod trin'),
    conditions: l('Handling conditions', 'Amodau trin'),
    priority: l('Priority', 'Blaenoriaeth'),
    evaluatedBy: l('Evaluated by', 'Gwerthuswyd gan'),
    evaluatedAt: l('Evaluated at', 'Gwerthuswyd am'),
  }),
  legacyGrade5x5x5: l('Historic 5x5x5 grade', 'Gradd 5x5x5 hanesyddol'),
  outcome: l('Police outcome', 'Canlyniad yr heddlu'),
};

/** Labels of `missing-episode` fields. */
export const MISSING_EPISODE_LABELS: LabelGroup = {
  episodeType: l('Episode type', 'Math o achos'),
  policeRiskGrade: l('Police risk grade', 'Gradd risg yr heddlu'),
  riskSchemeVersion: l('Risk grading scheme', 'Cynllun graddio risg'),
  lastSeenAt: l('Last seen', 'Gwelwyd ddiwethaf'),
  reportedAt: l('Reported missing at', 'Adroddwyd ar goll am'),
  endedAt: l('Episode ended', 'Daeth yr achos i ben'),
  policeRef: l('Police reference', 'Cyfeirnod yr heddlu'),
  episodeCountToDate: l('Episodes to date', 'Nifer yr achosion hyd yma'),
  firstMissingDate: l('First missing', 'Ar goll am y tro cyntaf'),
  childInformationFormAvailable: l(
    'Child information form available',
    'Ffurflen wybodaeth am y plentyn ar gael',
  ),
  ...nest('safeAndWellCheck', l('Safe and well check', 'Gwiriad diogel ac iach'), {
    doneAt: l('Done at', 'Cynhaliwyd am'),
    ...nest('by', l('By', 'Gan'), ORG),
  }),
  suspectedHarbourerRef: l(
    'Suspected harbourer (intelligence)',
    'Rhywun yr amheuir ei fod yn rhoi lloches (cudd-wybodaeth)',
  ),
  ...nest('returnInterview', l('Return interview (debrief)', 'Cyfweliad dychwelyd (ôl-drafodaeth)'), {
    terminology: l('Called', 'Enw'),
    offered: l('Offered', 'Cynigiwyd'),
    offeredAt: l('Offered at', 'Cynigiwyd am'),
    accepted: l('Accepted', 'Derbyniwyd'),
    heldAt: l('Held at', 'Cynhaliwyd am'),
    withinTarget: l('Within target time', 'O fewn yr amser targed'),
    ...nest('conductedBy', l('Conducted by', 'Cynhaliwyd gan'), {
      ...nest('org', l('Organisation', 'Sefydliad'), ORG),
      independent: l('Independent', 'Annibynnol'),
    }),
  }),
};
