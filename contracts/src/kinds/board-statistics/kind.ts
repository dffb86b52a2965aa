import { defineKind } from '../define-kind.ts';
import { say } from '../shared/summary-text.ts';
import { labels } from './labels.ts';
import { BoardStatistics } from './schema.ts';

/**
 * `board-statistics`: an agency's de-identified monthly figures for its safeguarding board
 * (DESIGN §6b), computed at its edge; the board never receives an identifiable notification.
 */
export const boardStatistics = defineKind({
  name: 'board-statistics',
  version: 1,
  title: { en: 'Monthly figures for the board', cy: 'Ffigurau misol i’r bwrdd' },
  schema: BoardStatistics,
  priority: 'routine',
  // Every partner reports; the board itself only receives.
  senders: [
    'childrens-services',
    'police',
    'health-board',
    'voluntary',
    'childrens-home',
    'youth-justice',
    'education',
    'nhs-trust',
    'regulator',
  ],
  labels,
  // Computed at the edge from what the agency sent (POST /v1/board/statistics), never typed in.
  computed: true,
  // About no child and no area: it goes where the directory's route for it says (the board).
  areas: () => [],
  // No child: no subject reference.
  subjectIdentifier: () => null,
  summary: (p, lang) => `${p.month} · ${p.figures.length} ${say(lang, 'figures', 'ffigur')}`,
});
