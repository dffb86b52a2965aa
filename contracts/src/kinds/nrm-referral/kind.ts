import { areaList, defineKind } from '../define-kind.ts';
import { line, say, valueText } from '../shared/summary-text.ts';
import { labels } from './labels.ts';
import { NrmReferral } from './schema.ts';

/** `nrm-referral`: a National Referral Mechanism referral for a child or an adult (reference §4.8). */
export const nrmReferral = defineKind({
  name: 'nrm-referral',
  version: 1,
  title: {
    en: 'National Referral Mechanism referral',
    cy: 'Atgyfeiriad i’r Mecanwaith Atgyfeirio Cenedlaethol',
  },
  schema: NrmReferral,
  priority: 'high',
  // First responder organisations among the region's agencies.
  senders: ['childrens-services', 'police', 'voluntary'],
  labels,
  areas: (p) => areaList(['responsible', p.subject.responsibleAuthority]),
  summary: (p, lang) =>
    line(
      valueText(labels, 'personType', p.personType, lang),
      p.exploitationTypes.map((t) => valueText(labels, 'exploitationTypes', t, lang)).join(', '),
      valueText(labels, 'decisionStage', p.decisionStage, lang),
      p.ictgReferral?.made === true &&
        say(lang, 'guardian referral made', "atgyfeiriad at warcheidwad wedi'i wneud"),
    ),
});
