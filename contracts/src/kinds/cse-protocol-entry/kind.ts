import { ageBand, type BoardFact, postcodeDistrict } from '../board-statistics/items.ts';
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
  boardFacts: (p) => {
    const authority = p.subject.responsibleAuthority;
    const child = (item: BoardFact['item'], by?: string): BoardFact => ({ item, authority, by, child: true });
    const open = ['screening', 'entered', 'reviewed'].includes(p.protocolStatus);
    const facts: BoardFact[] = [child('protocol_state', open ? 'open' : 'closed')];
    if (p.protocolStatus === 'entered')
      facts.push(
        child('protocol_children_new'),
        ...p.exploitationTypes.map((t) => child('protocol_children_new', t)),
      );
    if (!open) facts.push(child('protocol_children_closed'));
    if (p.previouslyOnProtocol) facts.push(child('protocol_children_previously'));
    if (p.youthJusticeInvolvement) facts.push(child('youth_justice_children'));
    const first = p.missingSummary?.firstMissingDate;
    if (first) facts.push(child('first_missing_children', ageBand(p.subject.dateOfBirth, first)));
    for (const fgc of p.familyGroupConferences ?? [])
      if (fgc.held) facts.push({ item: 'family_group_conferences', authority });
    for (const place of p.incidentLocations ?? []) {
      const district = postcodeDistrict(place.postcode);
      facts.push({ item: 'incidents', authority, by: district });
    }
    return facts;
  },
  summary: (p, lang) =>
    line(
      valueText(labels, 'protocolStatus', p.protocolStatus, lang),
      p.exploitationTypes.map((t) => valueText(labels, 'exploitationTypes', t, lang)).join(', '),
      valueText(labels, 'riskAssessment.category', p.riskAssessment.category, lang),
    ),
});
