import { codes, type LabelGroup, LOCATION, l, nest, ORG } from '../shared/label-groups.ts';
import { SHARED_LABELS, SUBJECT_LABELS } from '../shared/shared-labels.ts';
import { ActionRequested, ChildStatus, MovementType } from './schema.ts';

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
  movementType: l(
    'Type of move',
    'Math o symudiad',
    codes(MovementType, {
      placed_out_of_area: ['Placed out of area', "Wedi'i leoli y tu allan i'r ardal"],
      family_relocation: ['Family moved', 'Y teulu wedi symud'],
      temporary_stay: ['Temporary stay', 'Arhosiad dros dro'],
      missing_found_elsewhere: [
        'Missing, and found in another area',
        'Ar goll, a chafwyd hyd iddo mewn ardal arall',
      ],
      unknown_whereabouts_believed_in_area: [
        'Whereabouts not known, believed to be in the area',
        'Ni wyddys ble mae, credir ei fod yn yr ardal',
      ],
    }),
  ),
  homeLa: l('Home local authority', 'Awdurdod lleol cartref'),
  hostLa: l('Host local authority', "Awdurdod lleol sy'n lletya"),
  homePfa: l('Home police force area', 'Ardal heddlu cartref'),
  hostPfa: l('Host police force area', "Ardal heddlu sy'n lletya"),
  ...nest('foundBy', l('Found by', 'Canfuwyd gan'), ORG),
  childStatus: l(
    "Child's status",
    'Statws y plentyn',
    codes(ChildStatus, {
      looked_after: ['Looked after', 'Derbyn gofal'],
      cp_plan: ['Child protection plan', 'Cynllun amddiffyn plant'],
      care_and_support_plan: ['Care and support plan', 'Cynllun gofal a chymorth'],
      known_no_plan: ["Known to children's services, no plan", 'Yn hysbys i wasanaethau plant, dim cynllun'],
      not_known: ["Not known to children's services", 'Ddim yn hysbys i wasanaethau plant'],
    }),
  ),
  riskSummary: l('Risk summary', "Crynodeb o'r risg"),
  riskRefs: l('Linked notifications', 'Hysbysiadau cysylltiedig'),
  actionsRequested: l(
    'Actions requested',
    'Camau y gofynnwyd amdanynt',
    codes(ActionRequested, {
      welfare_check: ['Welfare check', 'Gwiriad lles'],
      strategy_discussion: ['Strategy discussion', 'Trafodaeth strategaeth'],
      return_interview: ['Return interview', 'Cyfweliad dychwelyd'],
      placement_review: ['Placement review', 'Adolygiad lleoliad'],
      intelligence_check: ['Intelligence check', 'Gwiriad cudd-wybodaeth'],
      information_only: ['For information only', 'Er gwybodaeth yn unig'],
    }),
  ),
  cpIsFlag: l('CP-IS flag', 'Baner CP-IS', {
    cpp: { en: 'Child protection plan', cy: 'Cynllun amddiffyn plant' },
    ucpp: { en: 'Unborn child protection plan', cy: 'Cynllun amddiffyn plentyn yn y groth' },
    lac: { en: 'Looked after', cy: 'Derbyn gofal' },
    none: { en: 'None', cy: 'Dim' },
    not_checked: { en: 'Not checked', cy: 'Heb ei wirio' },
  }),
};
