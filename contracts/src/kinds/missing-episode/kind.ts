import { ageBand, type BoardFact, foundWhere } from '../board-statistics/items.ts';
import type { ContractIssue } from '../contract-issue.ts';
import { areaList, defineKind } from '../define-kind.ts';
import { dayText, line, say, valueText } from '../shared/summary-text.ts';
import { labels } from './labels.ts';
import { MissingEpisode } from './schema.ts';

const required = (path: string[], message: string): ContractIssue => ({
  path,
  message,
  code: 'REQUIRED_FOR_SENDER',
});

/** `missing-episode`: a child is missing, or an episode has ended (reference §4.5). */
export const missingEpisode = defineKind({
  name: 'missing-episode',
  version: 1,
  title: { en: 'Missing episode', cy: 'Achos o fynd ar goll' },
  schema: MissingEpisode,
  priority: 'urgent',
  senders: ['childrens-services', 'police', 'childrens-home'],
  labels,
  // Homes and authorities record missing (M) or away without authorisation (A); police grade risk
  // and say whether the risk of exploitation was considered.
  senderRules: (p, sender) => {
    const issues: ContractIssue[] = [];
    if ((sender === 'childrens-services' || sender === 'childrens-home') && p.episodeType === undefined)
      issues.push(required(['episodeType'], 'is required from children’s services and homes (M or A)'));
    if (sender === 'police' && p.policeRiskGrade === undefined)
      issues.push(required(['policeRiskGrade'], 'is required from police'));
    if (sender === 'police' && p.exploitationRisk === undefined)
      issues.push(
        required(
          ['exploitationRisk'],
          'is required from police: say whether the risk of exploitation was considered',
        ),
      );
    return issues;
  },
  areas: (p) =>
    areaList(
      ['responsible', p.subject.responsibleAuthority],
      ['area', p.reportedMissingFrom.la],
      ['found-at', p.foundAt?.la],
    ),
  // Found in another area: that area's agencies are asked to take over until the child is home.
  handover: (p) =>
    p.foundAt?.la !== undefined &&
    p.foundAt.la !== p.subject.responsibleAuthority &&
    p.foundAt.la !== p.reportedMissingFrom.la,
  boardFacts: (p) => {
    const authority = p.subject.responsibleAuthority;
    const grade = p.policeRiskGrade ?? 'not_graded';
    const facts: BoardFact[] = [
      { item: p.episodeType === 'A' ? 'absent_episodes' : 'missing_episodes', authority, by: grade },
    ];
    if (p.foundAt) {
      facts.push({
        item: 'missing_found',
        authority,
        by: foundWhere(p.reportedMissingFrom.la, p.foundAt.la),
      });
    }
    if (p.firstMissingDate) {
      facts.push({
        item: 'first_missing_children',
        authority,
        by: ageBand(p.subject.dateOfBirth, p.firstMissingDate),
        child: true,
      });
    }
    return facts;
  },
  summary: (p, lang) =>
    line(
      p.episodeType && valueText(labels, 'episodeType', p.episodeType, lang),
      p.policeRiskGrade && valueText(labels, 'policeRiskGrade', p.policeRiskGrade, lang),
      `${say(lang, 'last seen', 'gwelwyd ddiwethaf')} ${dayText(p.lastSeenAt, lang)}`,
      p.endedAt === undefined
        ? say(lang, 'still missing', 'yn dal ar goll')
        : say(lang, 'episode ended', 'daeth yr achos i ben'),
    ),
});
