import { Classification, HandlingCode } from './handling.ts';
import { CODED, CONTACT, codes, type LabelGroup, l, nest, ORG } from './label-groups.ts';
import { Consent, Dpa2018Sch1, StatutoryGateway, UkGdprArt6, UkGdprArt9 } from './lawful-basis.ts';
import { CaseRef, Purpose, SharingAgreementRef, SharingDecision } from './notification-base.ts';
import { AgencyType } from './sender.ts';
import { CareStatus, Ssda903LegalStatus } from './subject.ts';

/** Handling codes P and C (3x5x2), shared with the police evaluation of intelligence. */
export const HANDLING_CODES = codes(HandlingCode, {
  P: ['P: lawful sharing permitted', "P: caniateir rhannu'n gyfreithlon"],
  C: ['C: lawful sharing permitted with conditions', "C: caniateir rhannu'n gyfreithlon gydag amodau"],
});

/** A code from SSDA903 (England's looked-after children return) or another scheme. */
export const SCHEMES = {
  ssda903: {
    en: "SSDA903 (England's looked-after children return)",
    cy: 'SSDA903 (ffurflen plant sy’n derbyn gofal Lloegr)',
  },
  other: { en: 'Other code list', cy: 'Rhestr codau arall' },
};

/** Labels of the blocks every kind shares (reference §2). */
export const SHARED_LABELS: LabelGroup = {
  occurredAt: l('Date and time of event', 'Dyddiad ac amser y digwyddiad'),
  ...nest('sender', l('Sender', 'Anfonwr'), {
    agencyType: l(
      'Type of agency',
      'Math o asiantaeth',
      codes(AgencyType, {
        'childrens-services': ["Children's services", 'Gwasanaethau plant'],
        police: ['Police', 'Heddlu'],
        'health-board': ['Health board', 'Bwrdd iechyd'],
        voluntary: ['Voluntary organisation', 'Sefydliad gwirfoddol'],
        'childrens-home': ["Children's home", 'Cartref plant'],
        'safeguarding-board': ['Safeguarding board', 'Bwrdd diogelu'],
        'youth-justice': ['Youth justice service', 'Gwasanaeth cyfiawnder ieuenctid'],
        education: ['Education', 'Addysg'],
        'nhs-trust': ['NHS trust', 'Ymddiriedolaeth GIG'],
        regulator: ['Regulator', 'Rheoleiddiwr'],
        other: ['Other', 'Arall'],
      }),
    ),
    ...nest('org', l('Organisation', 'Sefydliad'), ORG),
    ...nest('contact', l('Contact', 'Cyswllt'), CONTACT),
  }),
  purpose: l(
    'Purpose of sharing',
    'Diben rhannu',
    codes(Purpose, {
      safeguarding_child_at_risk: ['Safeguarding a child at risk', "Diogelu plentyn sy'n wynebu risg"],
      child_protection_enquiry: ['Child protection enquiry', 'Ymholiad amddiffyn plant'],
      locate_missing_child: ['Finding a missing child', 'Dod o hyd i blentyn sydd ar goll'],
      exploitation_disruption: ['Disrupting exploitation', 'Tarfu ar gamfanteisio'],
      placement_notification: ['Placement notification', 'Hysbysiad lleoliad'],
      regulatory_notification: ['Regulatory notification', 'Hysbysiad rheoleiddiol'],
      intelligence_submission: ['Intelligence submission', 'Cyflwyno cudd-wybodaeth'],
      nrm_support: ['National Referral Mechanism support', 'Cymorth y Mecanwaith Atgyfeirio Cenedlaethol'],
    }),
  ),
  ...nest('lawfulBasis', l('Lawful basis', 'Sail gyfreithlon'), {
    ukGdprArt6: l(
      'UK GDPR Article 6 basis',
      'Sail Erthygl 6 GDPR y DU',
      codes(UkGdprArt6, {
        '6(1)(c)': ['6(1)(c) legal obligation', '6(1)(c) rhwymedigaeth gyfreithiol'],
        '6(1)(d)': ['6(1)(d) vital interests', '6(1)(d) buddiannau hanfodol'],
        '6(1)(e)': ['6(1)(e) public task', '6(1)(e) tasg gyhoeddus'],
        '6(1)(ea)': ['6(1)(ea) recognised legitimate interest', '6(1)(ea) buddiant dilys cydnabyddedig'],
        '6(1)(f)': ['6(1)(f) legitimate interests', '6(1)(f) buddiannau dilys'],
      }),
    ),
    ukGdprArt9: l(
      'UK GDPR Article 9 condition',
      'Amod Erthygl 9 GDPR y DU',
      codes(UkGdprArt9, {
        '9(2)(c)': ['9(2)(c) vital interests', '9(2)(c) buddiannau hanfodol'],
        '9(2)(g)': ['9(2)(g) substantial public interest', "9(2)(g) budd sylweddol i'r cyhoedd"],
        '9(2)(h)': ['9(2)(h) health or social care', '9(2)(h) iechyd neu ofal cymdeithasol'],
      }),
    ),
    dpa2018Sch1: l(
      'Data Protection Act 2018 Schedule 1 condition',
      'Amod Atodlen 1 Deddf Diogelu Data 2018',
      codes(Dpa2018Sch1, {
        para2: ['Para 2: health or social care purposes', 'Para 2: dibenion iechyd neu ofal cymdeithasol'],
        para6: ['Para 6: statutory and government purposes', 'Para 6: dibenion statudol a llywodraethol'],
        para10: [
          'Para 10: preventing or detecting unlawful acts',
          'Para 10: atal neu ganfod gweithredoedd anghyfreithlon',
        ],
        para18: [
          'Para 18: safeguarding children and individuals at risk',
          "Para 18: diogelu plant ac unigolion sy'n wynebu risg",
        ],
      }),
    ),
    ...nest('dpaPart3', l('Data Protection Act 2018 Part 3', 'Rhan 3 Deddf Diogelu Data 2018'), {
      isLawEnforcementProcessing: l('Law enforcement processing', "Prosesu at ddibenion gorfodi'r gyfraith"),
      s35Condition: l('Section 35 condition (Schedule 8)', 'Amod adran 35 (Atodlen 8)', {
        sch8_para1: {
          en: 'Schedule 8 para 1: statutory purposes',
          cy: 'Atodlen 8 para 1: dibenion statudol',
        },
        sch8_para3: {
          en: "Schedule 8 para 3: protecting an individual's vital interests",
          cy: 'Atodlen 8 para 3: diogelu buddiannau hanfodol unigolyn',
        },
        sch8_para4: {
          en: 'Schedule 8 para 4: safeguarding children and individuals at risk',
          cy: "Atodlen 8 para 4: diogelu plant ac unigolion sy'n wynebu risg",
        },
      }),
    }),
    statutoryGateways: l(
      'Statutory gateways',
      'Pyrth statudol',
      codes(StatutoryGateway, {
        SSWBA2014_s130: [
          'Social Services and Well-being (Wales) Act 2014 s130: duty to report a child at risk',
          "Deddf Gwasanaethau Cymdeithasol a Llesiant (Cymru) 2014 a130: dyletswydd i roi gwybod am blentyn sy'n wynebu risg",
        ],
        SSWBA2014_s164: [
          'Social Services and Well-being (Wales) Act 2014 s164: duty to co-operate and provide information',
          'Deddf Gwasanaethau Cymdeithasol a Llesiant (Cymru) 2014 a164: dyletswydd i gydweithredu a darparu gwybodaeth',
        ],
        CA2004_s28: [
          'Children Act 2004 s28: duty to safeguard',
          'Deddf Plant 2004 a28: dyletswydd i ddiogelu',
        ],
        CA1989_s47: [
          'Children Act 1989 s47: child protection enquiries',
          'Deddf Plant 1989 a47: ymholiadau amddiffyn plant',
        ],
      }),
    ),
    consent: l(
      'Consent',
      'Cydsyniad',
      codes(Consent, {
        not_required: ['Not required', 'Nid oes ei angen'],
        sought_given: ['Sought and given', "Gofynnwyd amdano a'i roi"],
        sought_refused: ['Sought and refused', "Gofynnwyd amdano a'i wrthod"],
        not_sought_cannot_be_given: ['Not sought: it cannot be given', 'Ni ofynnwyd: ni ellir ei roi'],
        not_sought_cannot_reasonably_obtain: [
          'Not sought: it cannot reasonably be obtained',
          'Ni ofynnwyd: ni ellir ei gael yn rhesymol',
        ],
        not_sought_would_prejudice_protection: [
          "Not sought: asking would prejudice the child's protection",
          'Ni ofynnwyd: byddai gofyn yn niweidio amddiffyniad y plentyn',
        ],
      }),
    ),
    appropriatePolicyDocumentRef: l('Appropriate policy document', 'Dogfen bolisi briodol'),
  }),
  ...nest('handling', l('Handling and classification', 'Trin a dosbarthu'), {
    classification: l(
      'Security classification',
      'Dosbarthiad diogelwch',
      codes(Classification, {
        OFFICIAL: ['OFFICIAL', 'SWYDDOGOL'],
        SECRET: ['SECRET', 'CYFRINACH'],
        TOP_SECRET: ['TOP SECRET', 'CYFRINACH IAWN'],
      }),
    ),
    marking: l('Handling marking', 'Marc trin', {
      'OFFICIAL-SENSITIVE': { en: 'OFFICIAL-SENSITIVE', cy: 'SWYDDOGOL-SENSITIF' },
    }),
    handlingCode: l('Handling code', 'Cod trin', HANDLING_CODES),
    handlingConditions: l('Handling conditions', 'Amodau trin'),
    sanitised: l('Sensitive details removed', "Manylion sensitif wedi'u dileu"),
    sourceProtection: l('Protect the source', "Diogelu'r ffynhonnell"),
  }),
  ...nest('sharingAgreement', l('Sharing agreement', 'Cytundeb rhannu'), {
    framework: l('Framework', 'Fframwaith', {
      WASPI: {
        en: 'Wales Accord on the Sharing of Personal Information (WASPI)',
        cy: 'Cytundeb Cymru ar gyfer Rhannu Gwybodaeth Bersonol (WASPI)',
      },
    }),
    type: l(
      'Agreement type',
      'Math o gytundeb',
      codes(SharingAgreementRef.shape.type, {
        ISP: ['Information Sharing Protocol', 'Protocol Rhannu Gwybodaeth'],
        DDA: ['Data Disclosure Agreement', 'Cytundeb Datgelu Data'],
        JCA: ['Joint Controller Agreement', 'Cytundeb Cyd-reolwyr'],
        other: ['Other', 'Arall'],
      }),
    ),
    ref: l('Agreement reference', 'Cyfeirnod y cytundeb'),
  }),
  ...nest('sharingDecision', l('Decision to share', 'Penderfyniad i rannu'), {
    decidedByRole: l('Decided by (role)', 'Penderfynwyd gan (rôl)'),
    decidedAt: l('Decided at', 'Penderfynwyd am'),
    rationale: l('Reasons', 'Rhesymau'),
    goldenRulesVersion: l(
      'Golden rules version',
      'Fersiwn y rheolau euraidd',
      codes(SharingDecision.shape.goldenRulesVersion, {
        '2018': ['HM Government, 2018', 'Llywodraeth EF, 2018'],
        '2024': ['HM Government, 2024', 'Llywodraeth EF, 2024'],
      }),
    ),
  }),
  ...nest('retention', l('Retention', 'Cadw'), {
    policyRef: l('Retention policy', 'Polisi cadw'),
    reviewAt: l('Review on', 'Adolygu ar'),
    retainUntil: l('Keep until', 'Cadw tan'),
  }),
  language: l('Language', 'Iaith', {
    en: { en: 'English', cy: 'Saesneg' },
    cy: { en: 'Welsh', cy: 'Cymraeg' },
  }),
  ...nest('caseRefs', l('Case references', 'Cyfeirnodau achos'), {
    system: l(
      'System',
      'System',
      codes(CaseRef.shape.system, {
        la_case: ['Local authority case', 'Achos awdurdod lleol'],
        la_person: ['Local authority person record', 'Cofnod person awdurdod lleol'],
        police_occurrence: ['Police occurrence', 'Digwyddiad heddlu'],
        nrm_reference: [
          'National Referral Mechanism reference',
          'Cyfeirnod y Mecanwaith Atgyfeirio Cenedlaethol',
        ],
        cp_is: ['Child Protection Information Sharing (CP-IS)', 'Rhannu Gwybodaeth Amddiffyn Plant (CP-IS)'],
        court: ['Court', 'Llys'],
        yot: ['Youth offending team', 'Tîm troseddau ieuenctid'],
      }),
    ),
    value: l('Reference', 'Cyfeirnod'),
  }),
  correlationId: l('Related share', 'Rhannu cysylltiedig'),
  causationId: l('In response to', 'Mewn ymateb i'),
  supersedes: l('Replaces share', "Yn cymryd lle'r rhannu"),
};

/** Labels of the child's details (reference §2.1). */
export const SUBJECT_LABELS: LabelGroup = nest('subject', l('Child', 'Plentyn'), {
  ...nest('identifiers', l('Identifiers', 'Dynodwyr'), {
    type: l('Identifier type', 'Math o ddynodwr', {
      nhs_number: { en: 'NHS number', cy: 'Rhif GIG' },
      upn: { en: 'Unique pupil number', cy: 'Rhif disgybl unigryw' },
      former_upn: { en: 'Former unique pupil number', cy: 'Cyn rif disgybl unigryw' },
      ni_number: { en: 'National Insurance number', cy: 'Rhif Yswiriant Gwladol' },
      la_person_id: { en: 'Local authority person id', cy: 'Dynodwr person awdurdod lleol' },
      la_case_number: { en: 'Local authority case number', cy: 'Rhif achos awdurdod lleol' },
      home_office_ref: { en: 'Home Office reference', cy: 'Cyfeirnod y Swyddfa Gartref' },
      yot_number: { en: 'Youth offending team number', cy: 'Rhif tîm troseddau ieuenctid' },
      court_case_number: { en: 'Court case number', cy: 'Rhif achos llys' },
      raa_id: { en: 'Regional adoption agency id', cy: 'Dynodwr asiantaeth fabwysiadu ranbarthol' },
      incident_id: { en: 'Incident id', cy: 'Dynodwr digwyddiad' },
    }),
    value: l('Identifier', 'Dynodwr'),
    verified: l('Verified', "Wedi'i wirio"),
  }),
  ...nest('name', l('Name', 'Enw'), {
    family: l('Family name', 'Cyfenw'),
    given: l('Given name', 'Enw cyntaf'),
    preferred: l('Preferred name', 'Enw dewisol'),
    aliases: l('Other names and nicknames', 'Enwau eraill a llysenwau'),
  }),
  dateOfBirth: l('Date of birth', 'Dyddiad geni'),
  dateOfBirthEstimated: l('Date of birth estimated', "Dyddiad geni wedi'i amcangyfrif"),
  ...nest('sex', l('Sex', 'Rhyw'), { code: l('Code', 'Cod'), text: l('Description', 'Disgrifiad') }),
  ...nest('gender', l('Gender', 'Rhywedd'), { code: l('Code', 'Cod'), text: l('Description', 'Disgrifiad') }),
  ...nest('ethnicity', l('Ethnicity', 'Ethnigrwydd'), {
    scheme: l('Classification', 'Dosbarthiad'),
    code: l('Code', 'Cod'),
    text: l('Description', 'Disgrifiad'),
  }),
  ...nest('address', l('Address', 'Cyfeiriad'), {
    lines: l('Address', 'Cyfeiriad'),
    postcode: l('Postcode', 'Cod post'),
    uprn: l('Unique property reference (UPRN)', 'Cyfeirnod eiddo unigryw (UPRN)'),
    pseudoPostcode: l('Pseudo-postcode (no fixed abode)', 'Ffug-god post (dim cyfeiriad sefydlog)'),
  }),
  ...nest('legalStatus', l('Legal status', 'Statws cyfreithiol'), {
    ...CODED,
    scheme: l('Code list', 'Rhestr codau', SCHEMES),
    code: l(
      'Code',
      'Cod',
      codes(Ssda903LegalStatus, {
        C1: ['Interim care order (C1)', 'Gorchymyn gofal interim (C1)'],
        C2: ['Full care order (C2)', 'Gorchymyn gofal llawn (C2)'],
        D1: ['Freeing order (D1)', 'Gorchymyn rhyddhau (D1)'],
        E1: ['Placement order (E1)', 'Gorchymyn lleoli (E1)'],
        V2: [
          'Accommodated under section 20, single period (V2)',
          'Yn cael llety dan adran 20, un cyfnod (V2)',
        ],
        V3: ['Short breaks, single placement (V3)', 'Seibiannau byr, un lleoliad (V3)'],
        V4: ['Short breaks, series of placements (V4)', 'Seibiannau byr, cyfres o leoliadau (V4)'],
        L1: ['Police protection (L1)', 'Amddiffyniad yr heddlu (L1)'],
        L2: ['Emergency protection order (L2)', 'Gorchymyn amddiffyn brys (L2)'],
        L3: ['Child assessment order (L3)', 'Gorchymyn asesu plentyn (L3)'],
        J1: ['Remanded to local authority accommodation (J1)', "Wedi'i remandio i lety awdurdod lleol (J1)"],
        J2: [
          'Detained in local authority accommodation under PACE (J2)',
          "Wedi'i gadw mewn llety awdurdod lleol dan PACE (J2)",
        ],
        J3: [
          'Youth rehabilitation order with a residence requirement (J3)',
          'Gorchymyn adsefydlu ieuenctid gyda gofyniad preswylio (J3)',
        ],
      }),
    ),
  }),
  careStatus: l(
    'Care status',
    'Statws gofal',
    codes(CareStatus, {
      looked_after: ['Looked after', 'Derbyn gofal'],
      cp_plan: ['Child protection plan', 'Cynllun amddiffyn plant'],
      care_and_support_plan: ['Care and support plan', 'Cynllun gofal a chymorth'],
      care_leaver: ['Care leaver', 'Ymadawr gofal'],
      none: ['None', 'Dim'],
      unknown: ['Not known', 'Anhysbys'],
    }),
  ),
  responsibleAuthority: l('Responsible authority', 'Awdurdod cyfrifol'),
  ...nest(
    'additionalNeeds',
    l('Disability and additional learning needs', 'Anabledd ac anghenion dysgu ychwanegol'),
    {
      disability: l('Disabled', 'Anabl'),
      additionalLearningNeeds: l('Additional learning needs', 'Anghenion dysgu ychwanegol'),
      plan: l('Plan', 'Cynllun', {
        IDP: { en: 'Individual development plan (Wales)', cy: 'Cynllun datblygu unigol (Cymru)' },
        EHCP: {
          en: 'Education, health and care plan (England)',
          cy: 'Cynllun addysg, iechyd a gofal (Lloegr)',
        },
        none: { en: 'None', cy: 'Dim' },
        unknown: { en: 'Not known', cy: 'Anhysbys' },
      }),
      details: l('What the child needs', 'Beth sydd ei angen ar y plentyn'),
    },
  ),
  unaccompaniedAsylumSeeking: l(
    'Unaccompanied asylum-seeking child',
    'Plentyn ar ei ben ei hun sy’n ceisio lloches',
  ),
  pncMarkerRef: l(
    'Police National Computer marker reference',
    'Cyfeirnod marciwr ar Gyfrifiadur Cenedlaethol yr Heddlu',
  ),
});
