import type { BoardFact } from '../board-statistics/items.ts';
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
  boardFacts: (p) => {
    const authority = p.subject.responsibleAuthority;
    const facts: BoardFact[] = [
      { item: p.personType === 'child' ? 'nrm_referrals_child' : 'nrm_referrals_adult', authority },
    ];
    if (p.ictgReferral?.made) facts.push({ item: 'guardian_referrals', authority });
    return facts;
  },
  summary: (p, lang) =>
    line(
      valueText(labels, 'personType', p.personType, lang),
      p.exploitationTypes.map((t) => valueText(labels, 'exploitationTypes', t, lang)).join(', '),
      valueText(labels, 'decisionStage', p.decisionStage, lang),
      p.ictgReferral?.made === true &&
        say(lang, 'guardian referral made', "atgyfeiriad at warcheidwad wedi'i wneud"),
    ),
});
