import { areaList, defineKind } from '../define-kind.ts';
import { AgencyType } from '../shared/sender.ts';
import { line, valueText } from '../shared/summary-text.ts';
import { labels } from './labels.ts';
import { IntelligenceForm } from './schema.ts';

/** `intelligence-form`: partnership intelligence for the police intelligence unit (reference §4.4). */
export const intelligenceForm = defineKind({
  name: 'intelligence-form',
  version: 1,
  title: { en: 'Partnership intelligence', cy: 'Cudd-wybodaeth gan bartneriaid' },
  schema: IntelligenceForm,
  priority: 'routine',
  // Any partner may submit intelligence; police grade it (3x5x2).
  senders: AgencyType.options,
  policeOnly: [['policeEvaluation'], ['legacyGrade5x5x5'], ['outcome']],
  labels,
  areas: (p) => areaList(['responsible', p.subject?.responsibleAuthority]),
  boardFacts: (p) => [{ item: 'intelligence_forms_to_police', authority: p.subject?.responsibleAuthority }],
  summary: (p, lang) =>
    line(
      p.themes.map((t) => valueText(labels, 'themes', t, lang)).join(', '),
      valueText(labels, 'provenance', p.provenance, lang),
    ),
});
