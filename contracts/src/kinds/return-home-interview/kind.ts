import type { BoardFact } from '../board-statistics/items.ts';
import { areaList, defineKind } from '../define-kind.ts';
import { dayText, line, say, valueText } from '../shared/summary-text.ts';
import { labels } from './labels.ts';
import { ReturnHomeInterview } from './schema.ts';

/** `return-home-interview`: the debrief after a missing episode, linked to it (reference §4.6). */
export const returnHomeInterview = defineKind({
  name: 'return-home-interview',
  version: 1,
  title: { en: 'Return home interview (debrief)', cy: 'Cyfweliad dychwelyd adref (ôl-drafodaeth)' },
  schema: ReturnHomeInterview,
  priority: 'high',
  // Held by the home authority, the police or the independent service commissioned to do it.
  senders: ['childrens-services', 'police', 'voluntary'],
  labels,
  areas: (p) => areaList(['responsible', p.subject.responsibleAuthority]),
  boardFacts: (p) => {
    const authority = p.subject.responsibleAuthority;
    const facts: BoardFact[] = [];
    if (p.offered === 'yes') facts.push({ item: 'return_interviews_offered', authority });
    if (p.accepted === 'yes') facts.push({ item: 'return_interviews_accepted', authority });
    if (p.heldAt !== undefined && p.withinTimescale === true)
      facts.push({ item: 'return_interviews_in_timescale', authority });
    return facts;
  },
  summary: (p, lang) =>
    line(
      p.heldAt !== undefined
        ? `${say(lang, 'held', 'cynhaliwyd')} ${dayText(p.heldAt, lang)}`
        : p.offered === 'no'
          ? say(lang, 'not offered', 'ni chafodd ei gynnig')
          : p.accepted === 'no'
            ? say(lang, 'declined', 'gwrthodwyd')
            : say(lang, 'offered', 'cynigiwyd'),
      p.withinTimescale === false && say(lang, 'outside the timescale', "y tu allan i'r amserlen"),
      p.exploitationIndicators?.present === true &&
        say(lang, 'exploitation indicators', 'dangosyddion camfanteisio'),
      p.onwardActions?.map((a) => valueText(labels, 'onwardActions', a, lang)).join(', '),
    ),
});
