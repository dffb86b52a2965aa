import { areaList, defineKind } from '../define-kind.ts';
import { line, valueText } from '../shared/summary-text.ts';
import { labels } from './labels.ts';
import { OutOfAreaMove } from './schema.ts';

/** `out-of-area-move`: a child at risk moves, is placed or is found in another area (reference §4.3). */
export const outOfAreaMove = defineKind({
  name: 'out-of-area-move',
  version: 1,
  title: {
    en: 'Child moved or found out of area',
    cy: "Plentyn wedi symud neu wedi'i ganfod y tu allan i'r ardal",
  },
  schema: OutOfAreaMove,
  priority: 'high',
  senders: ['childrens-services', 'police', 'childrens-home'],
  labels,
  areas: (p) =>
    areaList(
      ['responsible', p.subject.responsibleAuthority],
      ['home', p.homeLa],
      ['host', p.hostLa],
      ['area', p.reportedMissingFrom?.la],
      ['found-at', p.foundAt?.la],
    ),
  // One move, seen from both ends: out of the home authority, into the host.
  boardFacts: (p) => [
    { item: 'moves_out', authority: p.homeLa },
    { item: 'moves_in', authority: p.hostLa },
  ],
  // The host force or authority is asked to take the child over.
  handover: () => true,
  summary: (p, lang) =>
    line(
      valueText(labels, 'movementType', p.movementType, lang),
      `${valueText(labels, 'homeLa', p.homeLa, lang)} → ${valueText(labels, 'hostLa', p.hostLa, lang)}`,
    ),
});
