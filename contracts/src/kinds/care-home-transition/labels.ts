import { CODED, CONTACT, codes, type LabelGroup, l, MISSING_SUMMARY, nest } from '../shared/label-groups.ts';
import { SCHEMES, SHARED_LABELS, SUBJECT_LABELS } from '../shared/shared-labels.ts';
import {
  NotificationTiming,
  Placement,
  ReasonForChange,
  Ssda903PlacementType,
  TransitionType,
} from './schema.ts';

const fostered = (who: string, whoCy: string, term: string, termCy: string) =>
  [`Foster placement with ${who}, ${term}`, `Lleoliad maeth gyda ${whoCy}, ${termCy}`] as const;
const adoption = (basis: string, basisCy: string, carer: string, carerCy: string) =>
  [`Placed for adoption, ${basis}, ${carer}`, `Wedi'i leoli i'w fabwysiadu, ${basisCy}, ${carerCy}`] as const;

/** SSDA903 placement types (reference §4.2). */
const PLACEMENT_TYPES = codes(Ssda903PlacementType, {
  K1: ["Secure children's home (K1)", 'Cartref diogel i blant (K1)'],
  K2: ["Children's home (K2)", 'Cartref plant (K2)'],
  H5: ['Semi-independent living accommodation (H5)', 'Llety byw lled-annibynnol (H5)'],
  R1: ['Residential care home (R1)', 'Cartref gofal preswyl (R1)'],
  R2: ['NHS or health establishment (R2)', 'Sefydliad GIG neu iechyd (R2)'],
  R3: ['Family centre or mother and baby unit (R3)', 'Canolfan deulu neu uned mam a baban (R3)'],
  R5: ['Young offender institution (R5)', 'Sefydliad troseddwyr ifanc (R5)'],
  S1: ['Residential school (S1)', 'Ysgol breswyl (S1)'],
  P1: ['With parents (P1)', 'Gyda rhieni (P1)'],
  P2: ['Independent living (P2)', 'Byw yn annibynnol (P2)'],
  P3: ['Residential employment (P3)', 'Cyflogaeth breswyl (P3)'],
  U1: fostered('a relative or friend', 'perthynas neu ffrind', 'long term (U1)', 'tymor hir (U1)'),
  U2: fostered('a relative or friend', 'perthynas neu ffrind', 'not long term (U2)', 'nid tymor hir (U2)'),
  U3: fostered(
    'a relative or friend',
    'perthynas neu ffrind',
    'fostering for adoption (U3)',
    'maethu i fabwysiadu (U3)',
  ),
  U4: fostered('another foster carer', 'gofalwr maeth arall', 'long term (U4)', 'tymor hir (U4)'),
  U5: fostered('another foster carer', 'gofalwr maeth arall', 'not long term (U5)', 'nid tymor hir (U5)'),
  U6: fostered(
    'another foster carer',
    'gofalwr maeth arall',
    'fostering for adoption (U6)',
    'maethu i fabwysiadu (U6)',
  ),
  A3: adoption(
    'with consent',
    'gyda chydsyniad',
    'with a former foster carer (A3)',
    'gyda chyn ofalwr maeth (A3)',
  ),
  A4: adoption(
    'with consent',
    'gyda chydsyniad',
    'not with a former foster carer (A4)',
    'nid gyda chyn ofalwr maeth (A4)',
  ),
  A5: adoption(
    'placement order',
    'gorchymyn lleoli',
    'with a former foster carer (A5)',
    'gyda chyn ofalwr maeth (A5)',
  ),
  A6: adoption(
    'placement order',
    'gorchymyn lleoli',
    'not with a former foster carer (A6)',
    'nid gyda chyn ofalwr maeth (A6)',
  ),
  T0: ['Temporary: all types (T0)', 'Dros dro: pob math (T0)'],
  T1: ['Temporary: hospital (T1)', 'Dros dro: ysbyty (T1)'],
  T2: ['Temporary: holiday (T2)', 'Dros dro: gwyliau (T2)'],
  T3: ['Temporary: with family or friends (T3)', 'Dros dro: gyda theulu neu ffrindiau (T3)'],
  T4: ['Temporary: other (T4)', 'Dros dro: arall (T4)'],
  Z1: ['Other placement (Z1)', 'Lleoliad arall (Z1)'],
});

/** A placement (current or proposed). */
const PLACEMENT: LabelGroup = {
  ...nest('type', l('Placement type', 'Math o leoliad'), {
    ...CODED,
    scheme: l('Code list', 'Rhestr codau', SCHEMES),
    code: l('Code', 'Cod', PLACEMENT_TYPES),
  }),
  provider: l(
    'Provider',
    'Darparwr',
    codes(Placement.shape.provider.unwrap(), {
      PR0: [
        'Parent or person with parental responsibility (PR0)',
        'Rhiant neu berson â chyfrifoldeb rhiant (PR0)',
      ],
      PR1: ['Own local authority (PR1)', 'Awdurdod lleol ei hun (PR1)'],
      PR2: ['Another local authority (PR2)', 'Awdurdod lleol arall (PR2)'],
      PR3: ['Other public provider (PR3)', 'Darparwr cyhoeddus arall (PR3)'],
      PR4: ['Private provider (PR4)', 'Darparwr preifat (PR4)'],
      PR5: ['Voluntary or third sector (PR5)', 'Sector gwirfoddol neu drydydd sector (PR5)'],
    }),
  ),
  settingName: l('Name of home or setting', "Enw'r cartref neu'r lleoliad"),
  ...nest('settingRef', l('Registration reference', 'Cyfeirnod cofrestru'), {
    scheme: l('Regulator', 'Rheoleiddiwr', {
      ofsted_urn: { en: 'Ofsted unique reference number', cy: 'Cyfeirnod unigryw Ofsted' },
      ciw_ref: { en: 'Care Inspectorate Wales reference', cy: 'Cyfeirnod Arolygiaeth Gofal Cymru' },
    }),
    value: l('Reference', 'Cyfeirnod'),
  }),
  postcode: l('Postcode', 'Cod post'),
  confidential: l('Confidential placement', 'Lleoliad cyfrinachol'),
  la: l('Local authority', 'Awdurdod lleol'),
};

/** Labels of every `care-home-transition` field, English and Welsh. */
export const labels: LabelGroup = {
  ...SHARED_LABELS,
  ...SUBJECT_LABELS,
  responsibleAuthority: l('Responsible authority', 'Awdurdod cyfrifol'),
  areaAuthority: l('Receiving (area) authority', "Awdurdod sy'n derbyn (awdurdod yr ardal)"),
  transitionType: l(
    'Which way the child moves',
    'I ble mae’r plentyn yn symud',
    codes(TransitionType, {
      into_another_area: ['Into another area', 'I ardal arall'],
      return_home_area: ['Back into the home area', "Yn ôl i'r ardal gartref"],
      leaving_secure_care: ['Leaving secure care', 'Gadael gofal diogel'],
    }),
  ),
  ...nest('currentPlacement', l('Current placement', 'Lleoliad presennol'), PLACEMENT),
  ...nest('proposedPlacement', l('Proposed placement', 'Lleoliad arfaethedig'), PLACEMENT),
  plannedMoveDate: l('Planned move date', 'Dyddiad symud arfaethedig'),
  plannedArrivalAt: l('Planned arrival', 'Amser cyrraedd arfaethedig'),
  isEmergencyPlacement: l('Emergency placement', 'Lleoliad brys'),
  notificationTiming: l(
    'When notice was given',
    'Pryd y rhoddwyd hysbysiad',
    codes(NotificationTiming, {
      before_placement: ['Before the placement', 'Cyn y lleoliad'],
      within_5_working_days: ['Within 5 working days (emergency)', 'O fewn 5 diwrnod gwaith (argyfwng)'],
      late: ['Late', 'Yn hwyr'],
    }),
  ),
  ...nest('approval', l('Approval', 'Cymeradwyaeth'), {
    approvedBy: l('Approved by', 'Cymeradwywyd gan', {
      panel: { en: 'Placement panel', cy: 'Panel lleoliadau' },
      nominated_officer: { en: 'Nominated officer', cy: 'Swyddog enwebedig' },
      director_childrens_services: {
        en: "Director of children's services",
        cy: 'Cyfarwyddwr gwasanaethau plant',
      },
    }),
    approvedAt: l('Approved at', 'Cymeradwywyd am'),
  }),
  distanceMiles: l('Distance (miles)', 'Pellter (milltiroedd)'),
  reasonForChange: l(
    'Reason for change',
    'Rheswm dros newid',
    codes(ReasonForChange, {
      CARPL: ['Change to the care plan (CARPL)', "Newid i'r cynllun gofal (CARPL)"],
      CLOSE: [
        'Carer resigned or setting closed (CLOSE)',
        "Gofalwr wedi ymddiswyddo neu'r lleoliad wedi cau (CLOSE)",
      ],
      ALLEG: ['Allegation, section 47 (ALLEG)', 'Honiad, adran 47 (ALLEG)'],
      STAND: ['Concern about standards of care (STAND)', 'Pryder am safonau gofal (STAND)'],
      CUSTOD: ['Custody arrangement (CUSTOD)', 'Trefniant dalfa (CUSTOD)'],
      APPRR: ['Approval removed (APPRR)', "Cymeradwyaeth wedi'i thynnu'n ôl (APPRR)"],
      CREQB: [
        "Carer's request: the child's behaviour (CREQB)",
        'Cais y gofalwr: ymddygiad y plentyn (CREQB)',
      ],
      CREQO: ["Carer's request: other reasons (CREQO)", 'Cais y gofalwr: rhesymau eraill (CREQO)'],
      CHILD: ["The child's request (CHILD)", 'Cais y plentyn (CHILD)'],
      LAREQ: [
        'Responsible or area authority request (LAREQ)',
        "Cais yr awdurdod cyfrifol neu'r awdurdod ardal (LAREQ)",
      ],
      PLACE: ['Change of status only (PLACE)', 'Newid statws yn unig (PLACE)'],
      OTHER: ['Other (OTHER)', 'Arall (OTHER)'],
    }),
  ),
  careAndSupportPlanShared: l('Care and support plan shared', "Cynllun gofal a chymorth wedi'i rannu"),
  ...nest('iroContact', l('Independent Reviewing Officer', 'Swyddog Adolygu Annibynnol'), CONTACT),
  ...nest('educationPlan', l('Education plan', 'Cynllun addysg'), {
    type: l('Plan type', 'Math o gynllun', {
      EHCP: {
        en: 'Education, health and care plan (England)',
        cy: 'Cynllun addysg, iechyd a gofal (Lloegr)',
      },
      IDP: { en: 'Individual development plan (Wales)', cy: 'Cynllun datblygu unigol (Cymru)' },
      none: { en: 'None', cy: 'Dim' },
      unknown: { en: 'Not known', cy: 'Anhysbys' },
    }),
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
