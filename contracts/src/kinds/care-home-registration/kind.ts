import { areaList, defineKind } from '../define-kind.ts';
import { dayText, line, say, valueText } from '../shared/summary-text.ts';
import { labels } from './labels.ts';
import { CareHomeRegistration } from './schema.ts';

/**
 * `care-home-registration`: a children's home opens, is registered, changes provider or closes,
 * for the host authority, police and health board (reference §4.7). About a home, not a child.
 */
export const careHomeRegistration = defineKind({
  name: 'care-home-registration',
  version: 1,
  title: { en: "Children's home registration", cy: 'Cofrestru cartref plant' },
  schema: CareHomeRegistration,
  priority: 'routine',
  senders: ['regulator', 'childrens-home'],
  labels,
  areas: (p) => areaList(['host', p.hostLa]),
  // Never the address: it may be confidential.
  summary: (p, lang) =>
    line(
      `${valueText(labels, 'event', p.event, lang)}: ${p.settingName}`,
      valueText(labels, 'hostLa', p.hostLa, lang),
      valueText(labels, 'serviceType', p.serviceType, lang),
      `${say(lang, 'from', 'o')} ${dayText(p.effectiveDate, lang)}`,
    ),
});
