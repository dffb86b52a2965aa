import { CONTACT, type LabelGroup, l, MISSING_SUMMARY, nest, PLACEMENT } from '../shared/label-groups.ts';
import { SHARED_LABELS, SUBJECT_LABELS } from '../shared/shared-labels.ts';

/** Labels of every `care-home-transition` field, English and Welsh. */
export const labels: LabelGroup = {
  ...SHARED_LABELS,
  ...SUBJECT_LABELS,
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
