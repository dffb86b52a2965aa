import { NRM_STAGES } from '../shared/exploitation-labels.ts';
import { codes, type LabelGroup, l, nest, ORG } from '../shared/label-groups.ts';
import { SHARED_LABELS, SUBJECT_LABELS } from '../shared/shared-labels.ts';
import { FirstResponderType, NrmExploitationType } from './schema.ts';

/** A grounds decision's fields. */
const GROUNDS: LabelGroup = {
  decision: l('Decision', 'Penderfyniad', {
    positive: { en: 'Positive', cy: 'Cadarnhaol' },
    negative: { en: 'Negative', cy: 'Negyddol' },
  }),
  decidedAt: l('Decided on', 'Penderfynwyd ar'),
};

/** Labels of every `nrm-referral` field, English and Welsh. */
export const labels: LabelGroup = {
  ...SHARED_LABELS,
  ...SUBJECT_LABELS,
  personType: l('Child or adult', 'Plentyn neu oedolyn', {
    child: { en: 'Child', cy: 'Plentyn' },
    adult: { en: 'Adult', cy: 'Oedolyn' },
  }),
  ageDisputed: l('Age disputed', 'Oedran yn destun dadl'),
  ...nest('firstResponder', l('First responder', 'Ymatebwr cyntaf'), {
    ...nest('org', l('Organisation', 'Sefydliad'), ORG),
    type: l(
      'Type of first responder',
      'Math o ymatebwr cyntaf',
      codes(FirstResponderType, {
        local_authority: ['Local authority', 'Awdurdod lleol'],
        police: ['Police', 'Heddlu'],
        home_office: ['Home Office', 'Y Swyddfa Gartref'],
        nca: ['National Crime Agency', 'Yr Asiantaeth Troseddu Genedlaethol'],
        glaa: ['Gangmasters and Labour Abuse Authority', 'Yr Awdurdod Meistri Gangiau a Cham-drin Llafur'],
        ngo: ['Voluntary organisation', 'Sefydliad gwirfoddol'],
      }),
    ),
  }),
  referredAt: l('Referred at', 'Atgyfeiriwyd am'),
  nrmReference: l('NRM reference', 'Cyfeirnod NRM'),
  exploitationTypes: l(
    'Forms of exploitation',
    'Mathau o gamfanteisio',
    codes(NrmExploitationType, {
      sexual: ['Sexual exploitation', 'Camfanteisio rhywiol'],
      criminal: ['Criminal exploitation', 'Camfanteisio troseddol'],
      labour: ['Labour exploitation', 'Camfanteisio ar lafur'],
      domestic_servitude: ['Domestic servitude', 'Caethwasanaeth ddomestig'],
      organ_harvesting: ['Organ harvesting', 'Cynaeafu organau'],
      unknown: ['Not known', 'Anhysbys'],
    }),
  ),
  countyLinesFlag: l('County lines', 'Llinellau cyffuriau'),
  exploitationLocation: l('Where the exploitation happened', 'Lle digwyddodd y camfanteisio', {
    uk_only: { en: 'In the UK only', cy: 'Yn y DU yn unig' },
    overseas_only: { en: 'Overseas only', cy: 'Dramor yn unig' },
    uk_and_overseas: { en: 'In the UK and overseas', cy: 'Yn y DU a thramor' },
    unknown: { en: 'Not known', cy: 'Anhysbys' },
  }),
  decisionStage: l('Stage', 'Cam', NRM_STAGES),
  ...nest('reasonableGrounds', l('Reasonable grounds decision', 'Penderfyniad seiliau rhesymol'), GROUNDS),
  ...nest('conclusiveGrounds', l('Conclusive grounds decision', 'Penderfyniad seiliau terfynol'), GROUNDS),
  competentAuthority: l('Competent authority', 'Awdurdod cymwys', {
    SCA: { en: 'Single Competent Authority', cy: 'Yr Awdurdod Cymwys Sengl' },
    IECA: {
      en: 'Immigration Enforcement Competent Authority',
      cy: 'Awdurdod Cymwys Gorfodi Mewnfudo',
    },
    DCDM_pilot_panel: {
      en: 'Devolved child decision-making pilot panel',
      cy: 'Panel peilot gwneud penderfyniadau datganoledig am blant',
    },
  }),
  ...nest(
    'ictgReferral',
    l(
      'Independent Child Trafficking Guardian referral',
      'Atgyfeiriad at Warcheidwad Annibynnol Plant sy’n cael eu Masnachu',
    ),
    {
      made: l('Referral made', "Atgyfeiriad wedi'i wneud"),
      madeAt: l('Made at', 'Gwnaed am'),
      serviceArea: l('Service', 'Gwasanaeth'),
      reasonNotMade: l('Why no referral was made', 'Pam na wnaed atgyfeiriad'),
    },
  ),
  consent: l('Consent to the referral', "Cydsyniad i'r atgyfeiriad", {
    not_required_child: { en: 'Not needed: a child', cy: 'Dim angen: plentyn' },
    given: { en: 'Given', cy: "Wedi'i roi" },
  }),
};
