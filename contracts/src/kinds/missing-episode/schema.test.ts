import { describe, expect, it } from 'vitest';
import { refusalChecker } from '../expect-refused-at.ts';
import { edited, issueAt, loadExample, REMOVE } from '../load-example.ts';
import { parseNotification } from '../registry.ts';
import { foundOutOfArea, MissingEpisode } from './schema.ts';

const KIND = 'missing-episode';
const example = loadExample(KIND);
const parse = (payload: unknown) => parseNotification(KIND, payload);

const expectRefusedAt = refusalChecker(KIND);

describe('missing-episode v1', () => {
  it('orders last seen, reported and ended', () => {
    expectRefusedAt(edited(example, ['endedAt'], '2025-03-08T20:00:00+00:00'), ['endedAt'], /lastSeenAt/);
    expectRefusedAt(
      edited(example, ['reportedAt'], '2025-03-08T21:00:00+00:00'),
      ['reportedAt'],
      /lastSeenAt/,
    );
  });

  it('needs the episode to have ended before found-at, safe and well check or return interview', () => {
    const ongoing = edited(example, ['endedAt'], REMOVE);
    const result = parse(ongoing);
    for (const path of ['foundAt', 'safeAndWellCheck', 'returnInterview']) {
      expect(issueAt(result, [path])?.message, path).toMatch(/endedAt/);
    }
    let stillMissing = edited(ongoing, ['foundAt'], REMOVE);
    stillMissing = edited(stillMissing, ['safeAndWellCheck'], REMOVE);
    stillMissing = edited(stillMissing, ['returnInterview'], REMOVE);
    expect(parse(stillMissing).ok).toBe(true);
  });

  it('needs a risk scheme version beside a police risk grade', () => {
    expectRefusedAt(edited(example, ['riskSchemeVersion'], REMOVE), ['riskSchemeVersion'], /policeRiskGrade/);
    expectRefusedAt(edited(example, ['policeRiskGrade'], 'very_high'), ['policeRiskGrade']);
  });

  it('keeps the return interview consistent: accepted only if offered, held after offered and after the episode', () => {
    const notOffered = edited(example, ['returnInterview', 'offered'], 'no');
    expectRefusedAt(notOffered, ['returnInterview', 'accepted'], /offered/);
    expectRefusedAt(
      edited(example, ['returnInterview', 'accepted'], REMOVE),
      ['returnInterview', 'accepted'],
      /required/,
    );
    const heldEarly = edited(example, ['returnInterview', 'heldAt'], '2025-03-09T10:00:00+00:00');
    expectRefusedAt(heldEarly, ['returnInterview', 'heldAt'], /offeredAt/);
    const offeredEarly = edited(example, ['returnInterview', 'offeredAt'], '2025-03-09T01:00:00+00:00');
    expectRefusedAt(offeredEarly, ['returnInterview', 'offeredAt'], /endedAt/);
  });

  it('puts the first missing date no later than this episode', () => {
    expectRefusedAt(edited(example, ['firstMissingDate'], '2025-03-10'), ['firstMissingDate'], /lastSeenAt/);
  });

  it('records whether the risk of exploitation was considered, linking the protocol entry and the PPN', () => {
    expect(parse(example)).toMatchObject({ ok: true, value: { ppnRef: 'PPN-SWP-2025-031-0457' } });
    expectRefusedAt(
      edited(example, ['exploitationRisk', 'considered'], false),
      ['exploitationRisk', 'considered'],
      /true/,
    );
    expect(parse(edited(example, ['exploitationRisk'], { considered: false }))).toMatchObject({ ok: true });
    expectRefusedAt(
      edited(example, ['exploitationRisk', 'concerns'], false),
      ['exploitationRisk', 'concerns'],
      /protocol entry/,
    );
    expectRefusedAt(edited(example, ['exploitationRisk', 'protocolEntryRef'], 'not-an-id'), [
      'exploitationRisk',
      'protocolEntryRef',
    ]);
  });

  it('uses the LA episode codes M and A only', () => {
    expectRefusedAt(edited(example, ['episodeType'], 'X'), ['episodeType']);
  });

  it('tells when the child was found in another area (cue for an out-of-area-move)', () => {
    const episode = MissingEpisode.parse(example);
    expect(foundOutOfArea(episode)).toBe(true);
    const local = MissingEpisode.parse(
      edited(edited(example, ['foundAt', 'la'], 'W06000011'), ['foundAt', 'pfa'], 'W15000003'),
    );
    expect(foundOutOfArea(local)).toBe(false);
  });
});
