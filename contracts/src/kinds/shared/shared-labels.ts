import { CODED, CONTACT, type LabelGroup, l, nest, ORG } from './label-groups.ts';

/** Labels of the blocks every kind shares (reference §2). */
export const SHARED_LABELS: LabelGroup = {
  occurredAt: l('Date and time of event', 'Dyddiad ac amser y digwyddiad'),
  ...nest('sender', l('Sender', 'Anfonwr'), {
    agencyType: l('Type of agency', 'Math o asiantaeth'),
    ...nest('org', l('Organisation', 'Sefydliad'), ORG),
    ...nest('contact', l('Contact', 'Cyswllt'), CONTACT),
  }),
  purpose: l('Purpose of sharing', 'Diben rhannu'),
  ...nest('lawfulBasis', l('Lawful basis', 'Sail gyfreithlon'), {
    ukGdprArt6: l('UK GDPR Article 6 basis', 'Sail Erthygl 6 GDPR y DU'),
    ukGdprArt9: l('UK GDPR Article 9 condition', 'Amod Erthygl 9 GDPR y DU'),
    dpa2018Sch1: l('Data Protection Act 2018 Schedule 1 condition', 'Amod Atodlen 1 Deddf Diogelu Data 2018'),
    ...nest('dpaPart3', l('Data Protection Act 2018 Part 3', 'Rhan 3 Deddf Diogelu Data 2018'), {
      isLawEnforcementProcessing: l('Law enforcement processing', "Prosesu at ddibenion gorfodi'r gyfraith"),
      s35Condition: l('Section 35 condition (Schedule 8)', 'Amod adran 35 (Atodlen 8)'),
    }),
    statutoryGateways: l('Statutory gateways', 'Pyrth statudol'),
    consent: l('Consent', 'Cydsyniad'),
    appropriatePolicyDocumentRef: l('Appropriate policy document', 'Dogfen bolisi briodol'),
  }),
  ...nest('handling', l('Handling and classification', 'Trin a dosbarthu'), {
    classification: l('Security classification', 'Dosbarthiad diogelwch'),
    marking: l('Handling marking', 'Marc trin'),
    handlingCode: l('Handling code', 'Cod trin'),
    handlingConditions: l('Handling conditions', 'Amodau trin'),
    sanitised: l('Sensitive details removed', "Manylion sensitif wedi'u dileu"),
    sourceProtection: l('Protect the source', "Diogelu'r ffynhonnell"),
  }),
  ...nest('sharingAgreement', l('Sharing agreement', 'Cytundeb rhannu'), {
    framework: l('Framework', 'Fframwaith'),
    type: l('Agreement type', 'Math o gytundeb'),
    ref: l('Agreement reference', 'Cyfeirnod y cytundeb'),
  }),
  ...nest('sharingDecision', l('Decision to share', 'Penderfyniad i rannu'), {
    decidedByRole: l('Decided by (role)', 'Penderfynwyd gan (rôl)'),
    decidedAt: l('Decided at', 'Penderfynwyd am'),
    rationale: l('Reasons', 'Rhesymau'),
    goldenRulesVersion: l('Golden rules version', 'Fersiwn y rheolau euraidd'),
  }),
  ...nest('retention', l('Retention', 'Cadw'), {
    policyRef: l('Retention policy', 'Polisi cadw'),
    reviewAt: l('Review on', 'Adolygu ar'),
    retainUntil: l('Keep until', 'Cadw tan'),
  }),
  language: l('Language', 'Iaith'),
  ...nest('caseRefs', l('Case references', 'Cyfeirnodau achos'), {
    system: l('System', 'System'),
    value: l('Reference', 'Cyfeirnod'),
  }),
  correlationId: l('Related share', 'Rhannu cysylltiedig'),
  causationId: l('In response to', 'Mewn ymateb i'),
  supersedes: l('Replaces share', "Yn cymryd lle'r rhannu"),
};

/** Labels of the child's details (reference §2.1). */
export const SUBJECT_LABELS: LabelGroup = nest('subject', l('Child', 'Plentyn'), {
  ...nest('identifiers', l('Identifiers', 'Dynodwyr'), {
    type: l('Identifier type', 'Math o ddynodwr'),
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
  ...nest('legalStatus', l('Legal status', 'Statws cyfreithiol'), CODED),
  careStatus: l('Care status', 'Statws gofal'),
  responsibleAuthority: l('Responsible authority', 'Awdurdod cyfrifol'),
});
