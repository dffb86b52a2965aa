import { AgeBand, type BoardItem, FoundWhere, KindName, kinds, valueLabelFor } from '@cwtch/contracts';
import { type Lang, pick } from '@cwtch/http';

type Pair = readonly [en: string, cy: string];

const AGE_BANDS: Record<AgeBand, Pair> = {
  under_10: ['under 10', 'dan 10'],
  '10_11': ['10–11', '10–11'],
  '12_13': ['12–13', '12–13'],
  '14_15': ['14–15', '14–15'],
  '16_17': ['16–17', '16–17'],
  '18_plus': ['18 or over', '18 neu hŷn'],
  unknown: ['age not known', 'oedran heb ei wybod'],
};

const FOUND_WHERE: Record<FoundWhere, Pair> = {
  own_area: ['in the area reported missing from', 'yn yr ardal yr adroddwyd ei fod ar goll ohoni'],
  other_welsh_area: ['in another Welsh area', 'mewn ardal arall yng Nghymru'],
  england: ['in England', 'yn Lloegr'],
  elsewhere: ['elsewhere', 'rhywle arall'],
};

/** The label of a breakdown value of a board item, in English or Welsh (the value itself if unknown). */
export function breakdownLabel(item: BoardItem, by: string, lang: Lang): string {
  const age = AgeBand.safeParse(by);
  if (item === 'first_missing_children' && age.success) return pick(AGE_BANDS[age.data], lang);
  const found = FoundWhere.safeParse(by);
  if (item === 'missing_found' && found.success) return pick(FOUND_WHERE[found.data], lang);
  if (item === 'missing_episodes' || item === 'absent_episodes') {
    if (by === 'not_graded') return pick(['not graded', 'heb ei raddio'], lang);
    return valueLabelFor('missing-episode', ['policeRiskGrade'], by)?.[lang] ?? by;
  }
  if (item === 'protocol_children_new')
    return valueLabelFor('cse-protocol-entry', ['exploitationTypes'], by)?.[lang] ?? by;
  if (item === 'shares_sent') {
    const kind = KindName.safeParse(by);
    return kind.success ? kinds[kind.data].title[lang] : by;
  }
  return by;
}
