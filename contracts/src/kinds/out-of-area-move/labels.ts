import { type LabelGroup, LOCATION, l, nest, ORG } from '../shared/label-groups.ts';
import { SHARED_LABELS, SUBJECT_LABELS } from '../shared/shared-labels.ts';

/** Labels of every `out-of-area-move` field, English and Welsh. */
export const labels: LabelGroup = {
  ...SHARED_LABELS,
  ...SUBJECT_LABELS,
  ...nest('reportedMissingFrom', l('Reported missing from', 'Adroddwyd ar goll o'), {
    ...LOCATION,
    at: l('Reported missing at', 'Adroddwyd ar goll am'),
  }),
  ...nest('foundAt', l('Where found', "Lle cafwyd hyd i'r plentyn"), {
    ...LOCATION,
    at: l('Time found', "Amser cael hyd i'r plentyn"),
  }),
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
