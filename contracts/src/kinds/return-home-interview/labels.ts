import { TERMINOLOGY_LABEL } from '../shared/debrief.ts';
import { EXPLOITATION_TYPES } from '../shared/exploitation-labels.ts';
import { codes, type LabelGroup, l, nest, ORG, YES_NO } from '../shared/label-groups.ts';
import { SHARED_LABELS, SUBJECT_LABELS } from '../shared/shared-labels.ts';
import { InterviewerRole, OnwardAction } from './schema.ts';

/** Labels of every `return-home-interview` field, English and Welsh. */
export const labels: LabelGroup = {
  ...SHARED_LABELS,
  ...SUBJECT_LABELS,
  ...nest('missingEpisode', l('Missing episode', 'Achos o fynd ar goll'), {
    ref: l('Missing episode notification', 'Hysbysiad am yr achos o fynd ar goll'),
    policeRef: l('Police reference', 'Cyfeirnod yr heddlu'),
    endedAt: l('Episode ended', 'Daeth yr achos i ben'),
  }),
  terminology: TERMINOLOGY_LABEL,
  offered: l('Offered', 'Cynigiwyd', YES_NO),
  offeredAt: l('Offered at', 'Cynigiwyd am'),
  notOfferedReason: l('Why it was not offered', 'Pam na chafodd ei gynnig'),
  accepted: l('Accepted', 'Derbyniwyd', YES_NO),
  declinedReason: l('Why it was declined', 'Pam y cafodd ei wrthod'),
  heldAt: l('Held at', 'Cynhaliwyd am'),
  ...nest('conductedBy', l('Held by', 'Cynhaliwyd gan'), {
    ...nest('org', l('Organisation', 'Sefydliad'), ORG),
    role: l(
      'Role',
      'Rôl',
      codes(InterviewerRole, {
        independent_worker: ['Independent worker', 'Gweithiwr annibynnol'],
        police_officer_plain_clothes: ['Police officer, not in uniform', 'Swyddog heddlu, heb wisg'],
        police_officer: ['Police officer', 'Swyddog heddlu'],
        social_worker: ['Social worker', 'Gweithiwr cymdeithasol'],
        residential_worker: ['Residential care worker', 'Gweithiwr gofal preswyl'],
        other: ['Other', 'Arall'],
      }),
    ),
    independent: l('Independent', 'Annibynnol'),
  }),
  timescaleHours: l('Timescale (hours)', 'Amserlen (oriau)'),
  withinTimescale: l('Held within the timescale', "Wedi'i gynnal o fewn yr amserlen"),
  childViews: l("The child's views", 'Barn y plentyn'),
  disclosures: l('Disclosures', 'Datgeliadau'),
  pushFactors: l('Push factors', 'Ffactorau gwthio'),
  pullFactors: l('Pull factors', 'Ffactorau tynnu'),
  ...nest('exploitationIndicators', l('Exploitation indicators', 'Dangosyddion camfanteisio'), {
    present: l('Indicators present', 'Dangosyddion yn bresennol'),
    types: l('Forms of exploitation', 'Mathau o gamfanteisio', EXPLOITATION_TYPES),
    protocolEntryRef: l('Exploitation protocol entry', 'Cofnod ar y protocol camfanteisio'),
  }),
  onwardActions: l(
    'Onward actions',
    'Camau pellach',
    codes(OnwardAction, {
      strategy_discussion: ['Strategy discussion', 'Trafodaeth strategaeth'],
      nrm_referral: [
        'National Referral Mechanism referral',
        'Atgyfeiriad i’r Mecanwaith Atgyfeirio Cenedlaethol',
      ],
      intelligence_submitted: ['Intelligence submitted', "Cudd-wybodaeth wedi'i chyflwyno"],
      cawn_requested: [
        'Child abduction warning notice requested',
        'Gofynnwyd am hysbysiad rhybudd cipio plant',
      ],
      support_service: ['Referred to a support service', "Wedi'i atgyfeirio at wasanaeth cymorth"],
      none: ['None', 'Dim'],
    }),
  ),
};
