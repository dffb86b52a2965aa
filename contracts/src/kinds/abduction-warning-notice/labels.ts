import { codes, type LabelGroup, l, nest } from '../shared/label-groups.ts';
import { SHARED_LABELS, SUBJECT_LABELS } from '../shared/shared-labels.ts';
import { CawnEvent, CawnType } from './schema.ts';

/** Labels of every `abduction-warning-notice` field, English and Welsh. */
export const labels: LabelGroup = {
  ...SHARED_LABELS,
  ...SUBJECT_LABELS,
  event: l(
    'What happened',
    'Beth ddigwyddodd',
    codes(CawnEvent, {
      issued: ['Notice issued', "Hysbysiad wedi'i gyhoeddi"],
      served: ['Notice served', "Hysbysiad wedi'i gyflwyno"],
      breached: ['Notice breached', "Hysbysiad wedi'i dorri"],
      withdrawn: ['Notice withdrawn', "Hysbysiad wedi'i dynnu'n ôl"],
      expired: ['Notice expired', 'Hysbysiad wedi dod i ben'],
    }),
  ),
  noticeId: l('Notice reference', 'Cyfeirnod yr hysbysiad'),
  cawnType: l(
    'Type of notice',
    'Math o hysbysiad',
    codes(CawnType, {
      under_16_caa1984_s2: [
        'Child under 16 (Child Abduction Act 1984, s2)',
        'Plentyn dan 16 (Deddf Cipio Plant 1984, a2)',
      ],
      looked_after_under_18_ca1989_s49: [
        'Child under 18 in care or protection (Children Act 1989, s49)',
        'Plentyn dan 18 mewn gofal neu dan amddiffyniad (Deddf Plant 1989, a49)',
      ],
    }),
  ),
  issuingForce: l('Issuing police force', 'Heddlu a gyhoeddodd yr hysbysiad'),
  issuedAt: l('Issued at', 'Cyhoeddwyd am'),
  servedAt: l('Served at', 'Cyflwynwyd am'),
  servedBy: l('Served by', 'Cyflwynwyd gan'),
  expiresOn: l('Lapses on', 'Yn dod i ben ar'),
  ...nest('adultServed', l('Adult served with the notice', 'Yr oedolyn a gafodd yr hysbysiad'), {
    names: l('Names', 'Enwau'),
    nicknames: l('Nicknames', 'Llysenwau'),
    dob: l('Date of birth', 'Dyddiad geni'),
    intelligenceRef: l('Intelligence record', 'Cofnod cudd-wybodaeth'),
    policeRef: l('Police reference', 'Cyfeirnod yr heddlu'),
  }),
  terms: l('What the notice forbids', "Beth mae'r hysbysiad yn ei wahardd"),
  ...nest('breaches', l('Breaches', 'Achosion o dorri’r hysbysiad'), {
    at: l('When', 'Pryd'),
    description: l('What happened', 'Beth ddigwyddodd'),
    policeRef: l('Police reference', 'Cyfeirnod yr heddlu'),
  }),
};
