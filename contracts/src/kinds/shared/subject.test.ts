import { describe, expect, it } from 'vitest';
import { refusalChecker } from '../expect-refused-at.ts';
import { edited, loadExample, REMOVE } from '../load-example.ts';
import { parseNotification } from '../registry.ts';

const example = loadExample('missing-episode');
const expectRefusedAt = refusalChecker('missing-episode');

describe('the child (shared subject block)', () => {
  it('records a disability or additional learning needs, asylum-seeking status and a PNC marker', () => {
    let child = edited(example, ['subject', 'additionalNeeds'], { disability: true, plan: 'none' });
    child = edited(child, ['subject', 'unaccompaniedAsylumSeeking'], true);
    child = edited(child, ['subject', 'pncMarkerRef'], '25/0012345X');
    expect(parseNotification('missing-episode', child)).toMatchObject({
      ok: true,
      value: { subject: { unaccompaniedAsylumSeeking: true, pncMarkerRef: '25/0012345X' } },
    });
  });

  it('names a plan (IDP or EHCP) only with additional learning needs', () => {
    const noNeeds = edited(example, ['subject', 'additionalNeeds', 'additionalLearningNeeds'], REMOVE);
    expectRefusedAt(noNeeds, ['subject', 'additionalNeeds', 'additionalLearningNeeds'], /plan/);
    expectRefusedAt(edited(example, ['subject', 'additionalNeeds', 'plan'], 'SEN'), [
      'subject',
      'additionalNeeds',
      'plan',
    ]);
  });

  it('refuses an empty PNC marker reference and an asylum status that is not yes or no', () => {
    expectRefusedAt(edited(example, ['subject', 'pncMarkerRef'], ' '), ['subject', 'pncMarkerRef']);
    expectRefusedAt(edited(example, ['subject', 'unaccompaniedAsylumSeeking'], 'yes'), [
      'subject',
      'unaccompaniedAsylumSeeking',
    ]);
  });
});
