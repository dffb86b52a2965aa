import { codes, type LabelGroup, l, nest, ORG } from '../shared/label-groups.ts';
import { SHARED_LABELS } from '../shared/shared-labels.ts';
import { BoardItem } from './items.ts';
import { Suppression } from './schema.ts';

/** Labels of the data items (rows of the board's sheet), English and Welsh. */
export const ITEM_LABELS = codes(BoardItem, {
  protocol_children_new: [
    'Children entering the exploitation protocol',
    "Plant sy'n dechrau ar y protocol camfanteisio",
  ],
  protocol_children_open: [
    'Children on the protocol at the end of the month',
    'Plant ar y protocol ar ddiwedd y mis',
  ],
  protocol_children_closed: ['Children leaving the protocol', "Plant sy'n gadael y protocol"],
  protocol_children_previously: ['Children previously on the protocol', "Plant a fu ar y protocol o'r blaen"],
  first_missing_children: [
    'Children with a first missing episode recorded, by age at it',
    'Plant â chofnod o’r tro cyntaf iddynt fynd ar goll, yn ôl oedran bryd hynny',
  ],
  family_group_conferences: ['Family group conferences held', 'Cynadleddau grŵp teulu a gynhaliwyd'],
  incidents: ['Incident locations, by postcode district', 'Lleoliadau digwyddiadau, yn ôl ardal cod post'],
  missing_found: [
    'Missing children found: where, against where reported missing',
    "Plant coll a ganfuwyd: ble, o'i gymharu â ble yr adroddwyd eu bod ar goll",
  ],
  missing_episodes: [
    'Missing episodes, by police risk grade',
    'Achosion o fynd ar goll, yn ôl gradd risg yr heddlu',
  ],
  absent_episodes: [
    'Absent (away without authorisation) episodes, by police risk grade',
    'Achosion o fod yn absennol heb ganiatâd, yn ôl gradd risg yr heddlu',
  ],
  return_interviews_offered: ['Return interviews offered', 'Cyfweliadau dychwelyd a gynigiwyd'],
  return_interviews_accepted: ['Return interviews accepted', 'Cyfweliadau dychwelyd a dderbyniwyd'],
  return_interviews_in_timescale: [
    'Return interviews held within the timescale',
    'Cyfweliadau dychwelyd a gynhaliwyd o fewn yr amserlen',
  ],
  nrm_referrals_child: ['NRM referrals: children', 'Atgyfeiriadau NRM: plant'],
  nrm_referrals_adult: ['NRM referrals: adults', 'Atgyfeiriadau NRM: oedolion'],
  guardian_referrals: [
    'Independent child trafficking guardian referrals',
    'Atgyfeiriadau at warcheidwad masnachu plant annibynnol',
  ],
  youth_justice_children: [
    'Children involved with youth justice',
    'Plant sy’n ymwneud â chyfiawnder ieuenctid',
  ],
  transitions: ['Care placement transitions notified', 'Trosglwyddiadau lleoliad gofal a hysbyswyd'],
  transitions_notified_before_arrival: [
    'Transitions notified before the child arrived',
    "Trosglwyddiadau a hysbyswyd cyn i'r plentyn gyrraedd",
  ],
  moves_in: ['Out-of-area moves into the authority', "Symudiadau i mewn i'r awdurdod o ardal arall"],
  moves_out: ['Out-of-area moves out of the authority', "Symudiadau allan o'r awdurdod i ardal arall"],
  intelligence_forms_to_police: [
    'Intelligence forms sent to police',
    "Ffurflenni gwybodaeth a anfonwyd i'r heddlu",
  ],
  shares_sent: ['Notifications sent, by kind', 'Hysbysiadau a anfonwyd, yn ôl math'],
});

/** Labels of every `board-statistics` field, English and Welsh. */
export const labels: LabelGroup = {
  ...nest('sender', SHARED_LABELS.sender!, {
    agencyType: SHARED_LABELS['sender.agencyType']!,
    ...nest('org', l('Organisation', 'Sefydliad'), { scheme: ORG.scheme!, value: ORG.value! }),
  }),
  purpose: l('Purpose of sharing', 'Diben rhannu', {
    board_statistics: {
      en: "The board's monthly figures (de-identified)",
      cy: 'Ffigurau misol y bwrdd (dienw)',
    },
  }),
  month: l('Month', 'Mis'),
  generatedAt: l('Figures computed at', "Ffigurau wedi'u cyfrifo am"),
  ...nest('disclosureControl', l('Statistical disclosure control', 'Rheoli datgelu ystadegol'), {
    threshold: l('Counts below this are shown as "<5"', 'Dangosir cyfrifon islaw hyn fel "<5"'),
    secondary: l('Secondary suppression applied', 'Ataliad eilaidd wedi’i gymhwyso'),
  }),
  ...nest('figures', l('Figures', 'Ffigurau'), {
    item: l('Data item', 'Eitem ddata', ITEM_LABELS),
    authority: l('Authority', 'Awdurdod'),
    by: l('Breakdown', 'Dadansoddiad'),
    value: l('Value', 'Gwerth'),
    suppressed: l(
      'Suppressed',
      'Wedi’i atal',
      codes(Suppression, {
        primary: ['Fewer than 5', 'Llai na 5'],
        secondary: [
          'Hidden so that a total cannot reveal a small number',
          'Wedi’i guddio fel na all cyfanswm ddatgelu nifer fach',
        ],
      }),
    ),
  }),
};
