import { areaList, defineKind } from '../define-kind.ts';
import { line, valueText } from '../shared/summary-text.ts';
import { labels } from './labels.ts';
import { AbductionWarningNotice } from './schema.ts';

/** `abduction-warning-notice`: a child abduction warning notice issued, served or breached (reference §4.9). */
export const abductionWarningNotice = defineKind({
  name: 'abduction-warning-notice',
  version: 1,
  title: { en: 'Child abduction warning notice', cy: 'Hysbysiad rhybudd cipio plant' },
  schema: AbductionWarningNotice,
  priority: 'high',
  // A police notice: police issue, serve and record breaches of it.
  senders: ['police'],
  labels,
  areas: (p) => areaList(['responsible', p.subject.responsibleAuthority]),
  summary: (p, lang) =>
    line(
      valueText(labels, 'event', p.event, lang),
      valueText(labels, 'cawnType', p.cawnType, lang),
      valueText(labels, 'issuingForce', p.issuingForce, lang),
    ),
});
