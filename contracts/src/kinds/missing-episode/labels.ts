import { TERMINOLOGY_LABEL } from '../shared/debrief.ts';
import {
  codes,
  type LabelGroup,
  LOCATION,
  LOW_MEDIUM_HIGH,
  l,
  nest,
  ORG,
  YES_NO,
} from '../shared/label-groups.ts';
import { SHARED_LABELS, SUBJECT_LABELS } from '../shared/shared-labels.ts';
import { EpisodeType, PoliceRiskGrade } from './schema.ts';

/** Labels of every `missing-episode` field, English and Welsh. */
export const labels: LabelGroup = {
  ...SHARED_LABELS,
  ...SUBJECT_LABELS,
  ...nest('reportedMissingFrom', l('Reported missing from', 'Adroddwyd ar goll o'), LOCATION),
  ...nest('foundAt', l('Where found', "Lle cafwyd hyd i'r plentyn"), LOCATION),
  episodeType: l(
    'Episode type',
    'Math o achos',
    codes(EpisodeType, {
      M: ['Missing from care (M)', 'Ar goll o ofal (M)'],
      A: ['Away from placement without authorisation (A)', "I ffwrdd o'r lleoliad heb ganiatâd (A)"],
    }),
  ),
  policeRiskGrade: l(
    'Police risk grade',
    'Gradd risg yr heddlu',
    codes(PoliceRiskGrade, {
      no_apparent_risk: ['No apparent risk (absent)', 'Dim risg amlwg (absennol)'],
      ...LOW_MEDIUM_HIGH,
    }),
  ),
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
  ...nest('exploitationRisk', l('Risk of exploitation', 'Risg o gamfanteisio'), {
    considered: l('Risk of exploitation considered', 'Ystyriwyd y risg o gamfanteisio'),
    concerns: l('Concerns found', 'Pryderon wedi’u canfod'),
    protocolEntryRef: l('Exploitation protocol entry', 'Cofnod ar y protocol camfanteisio'),
  }),
  ppnRef: l('Public Protection Notice reference', "Cyfeirnod Hysbysiad Diogelu'r Cyhoedd"),
  ...nest('returnInterview', l('Return interview (debrief)', 'Cyfweliad dychwelyd (ôl-drafodaeth)'), {
    terminology: TERMINOLOGY_LABEL,
    offered: l('Offered', 'Cynigiwyd', YES_NO),
    offeredAt: l('Offered at', 'Cynigiwyd am'),
    accepted: l('Accepted', 'Derbyniwyd', YES_NO),
    heldAt: l('Held at', 'Cynhaliwyd am'),
    withinTarget: l('Within target time', 'O fewn yr amser targed'),
    ...nest('conductedBy', l('Conducted by', 'Cynhaliwyd gan'), {
      ...nest('org', l('Organisation', 'Sefydliad'), ORG),
      independent: l('Independent', 'Annibynnol'),
    }),
  }),
};
