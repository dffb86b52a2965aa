import { areaList, defineKind } from '../define-kind.ts';
import { line, valueText } from '../shared/summary-text.ts';
import { labels } from './labels.ts';
import { CseProtocolEntry } from './schema.ts';

/** `cse-protocol-entry`: a child enters, or is reviewed on, the exploitation protocol (reference §4.1). */
export const cseProtocolEntry = defineKind({
  name: 'cse-protocol-entry',
  version: 1,
  title: { en: 'Child exploitation protocol entry', cy: 'Cofnod ar y protocol camfanteisio ar blant' },
  schema: CseProtocolEntry,
  priority: 'high',
  senders: ['childrens-services', 'police'],
  labels,
  areas: (p) =>
    areaList(
      ['responsible', p.subject.responsibleAuthority],
      ...(p.incidentLocations ?? []).map((place) => ['area', place.la] as const),
    ),
  summary: (p, lang) =>
    line(
      valueText(labels, 'protocolStatus', p.protocolStatus, lang),
      p.exploitationTypes.map((t) => valueText(labels, 'exploitationTypes', t, lang)).join(', '),
      valueText(labels, 'riskAssessment.category', p.riskAssessment.category, lang),
    ),
});
