import { describe, expect, it } from 'vitest';
import { loadExample } from '../load-example.ts';
import { kinds, parseNotification } from '../registry.ts';

function factsOf(kind: keyof typeof kinds, payload: unknown = loadExample(kind)) {
  const parsed = parseNotification(kind, payload);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return kinds[kind]
    .boardFacts(parsed.value)
    .map((f) => [f.item, f.authority ?? null, f.by ?? null, !!f.child]);
}

describe('what each kind contributes to the board’s figures (codes and counts, never the payload)', () => {
  it('a protocol entry: new by type, still open, previously on it, incidents by district, first missing by age', () => {
    const facts = factsOf('cse-protocol-entry');
    expect(facts).toContainEqual(['protocol_state', 'W06000011', 'open', true]);
    expect(facts).toContainEqual(['protocol_children_new', 'W06000011', null, true]);
    expect(facts).toContainEqual(['protocol_children_new', 'W06000011', 'cse', true]);
    expect(facts).toContainEqual(['protocol_children_new', 'W06000011', 'online_sexual_abuse', true]);
    expect(facts).toContainEqual(['protocol_children_previously', 'W06000011', null, true]);
    expect(
      facts.filter((f) => f[0] === 'incidents').every((f) => /^[A-Z]{1,2}\d[A-Z\d]?$/.test(String(f[2]))),
    ).toBe(true);
    expect(JSON.stringify(facts)).not.toMatch(/Cerys|Evans|9434765919|2010-05-12|SA1 6PQ/);
  });

  it('a missing episode, an interview, a referral, a transition, a move and an intelligence form', () => {
    expect(factsOf('missing-episode')[0]?.[0]).toMatch(/^(missing|absent)_episodes$/);
    expect(factsOf('return-home-interview').map((f) => f[0])).toContain('return_interviews_offered');
    expect(factsOf('nrm-referral').map((f) => f[0])).toContain('nrm_referrals_child');
    expect(factsOf('care-home-transition').map((f) => f[0])).toContain('transitions');
    expect(factsOf('out-of-area-move')).toEqual([
      ['moves_out', 'W06000011', null, false],
      ['moves_in', 'W06000006', null, false],
    ]);
    expect(factsOf('intelligence-form').map((f) => f[0])).toEqual(['intelligence_forms_to_police']);
    expect(factsOf('board-statistics')).toEqual([]);
    expect(kinds['cse-protocol-entry'].boardFacts('junk')).toEqual([]);
  });
});
