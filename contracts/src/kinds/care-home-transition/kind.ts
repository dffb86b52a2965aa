import type { BoardFact } from '../board-statistics/items.ts';
import { areaList, defineKind } from '../define-kind.ts';
import { londonMidnight } from '../shared/dates.ts';
import { dayText, line, say, valueText } from '../shared/summary-text.ts';
import { labels } from './labels.ts';
import { CareHomeTransition } from './schema.ts';

/** `care-home-transition`: a looked-after child moves placement, told before arrival (reference §4.2). */
export const careHomeTransition = defineKind({
  name: 'care-home-transition',
  version: 1,
  title: { en: 'Care placement transition', cy: 'Symud i leoliad gofal newydd' },
  schema: CareHomeTransition,
  priority: 'high',
  senders: ['childrens-home', 'childrens-services'],
  labels,
  // The receiving front door must answer by the planned arrival, else the start of the move date.
  respondBy: (p) =>
    p.plannedArrivalAt === undefined ? londonMidnight(p.plannedMoveDate) : Date.parse(p.plannedArrivalAt),
  areas: (p) => areaList(['responsible', p.responsibleAuthority], ['area', p.areaAuthority]),
  boardFacts: (p) => {
    const facts: BoardFact[] = [{ item: 'transitions', authority: p.responsibleAuthority }];
    if (p.notificationTiming === 'before_placement')
      facts.push({ item: 'transitions_notified_before_arrival', authority: p.responsibleAuthority });
    return facts;
  },
  summary: (p, lang) =>
    line(
      `${valueText(labels, 'responsibleAuthority', p.responsibleAuthority, lang)} → ${valueText(labels, 'areaAuthority', p.areaAuthority, lang)}`,
      `${say(lang, 'moving', 'symud')} ${dayText(p.plannedMoveDate, lang)}`,
      p.isEmergencyPlacement && say(lang, 'emergency placement', 'lleoliad brys'),
    ),
});
