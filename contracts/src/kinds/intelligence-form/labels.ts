import { codes, type LabelGroup, LOW_MEDIUM_HIGH, l, nest } from '../shared/label-groups.ts';
import { GradedCategory } from '../shared/risk-assessment.ts';
import { HANDLING_CODES, SHARED_LABELS, SUBJECT_LABELS } from '../shared/shared-labels.ts';
import { IntelligenceTheme, Provenance } from './schema.ts';

/** Labels of every `intelligence-form` field, English and Welsh. */
export const labels: LabelGroup = {
  ...SHARED_LABELS,
  ...SUBJECT_LABELS,
  urgency: l('Urgency', 'Brys', { non_urgent: { en: 'Not urgent', cy: 'Ddim yn frys' } }),
  themes: l(
    'Themes',
    'Themâu',
    codes(IntelligenceTheme, {
      missing_exploited_trafficked: [
        'Missing, exploited or trafficked',
        "Ar goll, wedi'i gamfanteisio neu ei fasnachu",
      ],
      cse: ['Child sexual exploitation', "Camfanteisio'n rhywiol ar blant"],
      cce: ['Child criminal exploitation', "Camfanteisio'n droseddol ar blant"],
      drug_related_harm: ['Drug-related harm', 'Niwed yn ymwneud â chyffuriau'],
      modern_slavery: ['Modern slavery', 'Caethwasiaeth fodern'],
      organised_crime: ['Organised crime', 'Troseddu cyfundrefnol'],
      asb: ['Anti-social behaviour', 'Ymddygiad gwrthgymdeithasol'],
      community_cohesion: ['Community cohesion', 'Cydlyniant cymunedol'],
    }),
  ),
  provenance: l(
    'How the information was obtained',
    'Sut y cafwyd yr wybodaeth',
    codes(Provenance, {
      witnessed_by_submitter: ['Seen by the person reporting', "Wedi'i weld gan y sawl sy'n adrodd"],
      told_by_child: ['Told by the child', "Wedi'i ddweud gan y plentyn"],
      told_by_third_party: ['Told by someone else', "Wedi'i ddweud gan rywun arall"],
      overheard: ['Overheard', "Wedi'i glywed"],
      from_records: ['From records', 'O gofnodion'],
      unknown: ['Not known', 'Anhysbys'],
    }),
  ),
  subjectAware: l(
    'Child or family aware of this report',
    "Y plentyn neu'r teulu'n gwybod am yr adroddiad hwn",
    {
      yes: { en: 'Yes', cy: 'Ydyn' },
      no: { en: 'No', cy: 'Nac ydyn' },
      unknown: { en: 'Not known', cy: 'Anhysbys' },
    },
  ),
  ...nest('persons', l('People', 'Pobl'), {
    role: l('Role', 'Rôl', {
      victim: { en: 'Victim', cy: 'Dioddefwr' },
      suspect: { en: 'Suspect', cy: 'Un a amheuir' },
      associate: { en: 'Associate', cy: 'Cydymaith' },
      witness: { en: 'Witness', cy: 'Tyst' },
      unknown: { en: 'Not known', cy: 'Anhysbys' },
    }),
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
    type: l('Type of place', 'Math o le', {
      address: { en: 'Address', cy: 'Cyfeiriad' },
      venue: { en: 'Venue', cy: 'Man cyfarfod' },
      area: { en: 'Area', cy: 'Ardal' },
      online: { en: 'Online', cy: 'Ar-lein' },
    }),
    postcode: l('Postcode', 'Cod post'),
    description: l('Place', 'Lle'),
    observedAt: l('Seen at', 'Gwelwyd am'),
  }),
  ...nest('communications', l('Phones, usernames and addresses', 'Ffonau, enwau defnyddiwr a chyfeiriadau'), {
    type: l('Type', 'Math', {
      phone: { en: 'Telephone', cy: 'Ffôn' },
      username: { en: 'Username', cy: 'Enw defnyddiwr' },
      email: { en: 'Email', cy: 'E-bost' },
      ip: { en: 'IP address', cy: 'Cyfeiriad IP' },
    }),
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
    source: l('Source evaluation', "Gwerthuso'r ffynhonnell", {
      '1': { en: '1: reliable', cy: '1: dibynadwy' },
      '2': { en: '2: untested', cy: '2: heb ei brofi' },
      '3': { en: '3: not reliable', cy: '3: annibynadwy' },
    }),
    intelligence: l('Intelligence assessment', "Asesu'r gudd-wybodaeth", {
      A: { en: 'A: known directly to the source', cy: "A: yn hysbys yn uniongyrchol i'r ffynhonnell" },
      B: {
        en: 'B: known indirectly to the source, corroborated',
        cy: "B: yn hysbys yn anuniongyrchol i'r ffynhonnell, wedi'i gadarnhau",
      },
      C: { en: 'C: known indirectly to the source', cy: "C: yn hysbys yn anuniongyrchol i'r ffynhonnell" },
      D: { en: 'D: not known', cy: 'D: ddim yn hysbys' },
      E: { en: 'E: suspected to be false', cy: 'E: amheuir ei fod yn anwir' },
    }),
    handling: l('Handling code', 'Cod trin', HANDLING_CODES),
    conditions: l('Handling conditions', 'Amodau trin'),
    priority: l('Priority', 'Blaenoriaeth', codes(GradedCategory, LOW_MEDIUM_HIGH)),
    evaluatedBy: l('Evaluated by', 'Gwerthuswyd gan'),
    evaluatedAt: l('Evaluated at', 'Gwerthuswyd am'),
  }),
  legacyGrade5x5x5: l('Historic 5x5x5 grade', 'Gradd 5x5x5 hanesyddol'),
  outcome: l('Police outcome', 'Canlyniad yr heddlu', {
    intel_log_created: { en: 'Intelligence log created', cy: "Log cudd-wybodaeth wedi'i greu" },
    crime_tasked: { en: 'Crime tasked', cy: "Trosedd wedi'i thasgio" },
    safeguarding_referral: { en: 'Safeguarding referral', cy: 'Atgyfeiriad diogelu' },
    no_action: { en: 'No action', cy: 'Dim camau' },
  }),
};
