import { type LabelGroup, l, nest } from '../shared/label-groups.ts';
import { SHARED_LABELS, SUBJECT_LABELS } from '../shared/shared-labels.ts';

/** Labels of every `intelligence-form` field, English and Welsh. */
export const labels: LabelGroup = {
  ...SHARED_LABELS,
  ...SUBJECT_LABELS,
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
