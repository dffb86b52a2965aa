import { describe, expect, it } from 'vitest';
import { refusalChecker } from '../expect-refused-at.ts';
import { edited, loadExample, REMOVE } from '../load-example.ts';
import { parseNotification } from '../registry.ts';

const KIND = 'out-of-area-move';
const example = loadExample(KIND);
const parse = (payload: unknown) => parseNotification(KIND, payload);

const expectRefusedAt = refusalChecker(KIND);

describe('out-of-area-move v1', () => {
  it('refuses a host authority that is the home authority', () => {
    expectRefusedAt(edited(example, ['hostLa'], 'W06000011'), ['hostLa'], /homeLa/);
  });

  it('needs where reported missing and where found when the child was found elsewhere', () => {
    expectRefusedAt(edited(example, ['foundAt'], REMOVE), ['foundAt'], /required/);
    expectRefusedAt(edited(example, ['reportedMissingFrom'], REMOVE), ['reportedMissingFrom'], /required/);
    expectRefusedAt(edited(example, ['foundAt', 'la'], REMOVE), ['foundAt', 'la'], /required/);
  });

  it('refuses a found-at place in the same authority as reported-from', () => {
    const same = edited(example, ['reportedMissingFrom', 'la'], 'W06000006');
    expectRefusedAt(same, ['foundAt', 'la'], /another area/);
  });

  it('puts found-at in the host area', () => {
    const elsewhere = edited(example, ['foundAt', 'la'], 'W06000015');
    expectRefusedAt(elsewhere, ['foundAt', 'la'], /hostLa/);
    expectRefusedAt(edited(example, ['foundAt', 'pfa'], 'BTP'), ['foundAt', 'pfa'], /hostPfa/);
  });

  it('refuses a police force that does not cover the authority named beside it (Wrexham with South Wales Police)', () => {
    expectRefusedAt(
      edited(example, ['foundAt', 'pfa'], 'W15000003'),
      ['foundAt', 'pfa'],
      /police force for that local authority/,
    );
    expectRefusedAt(
      edited(example, ['hostPfa'], 'W15000003'),
      ['hostPfa'],
      /police force for that local authority/,
    );
    expectRefusedAt(
      edited(example, ['homePfa'], 'W15000001'),
      ['homePfa'],
      /police force for that local authority/,
    );
    const reported = edited(example, ['reportedMissingFrom', 'pfa'], 'W15000001');
    expectRefusedAt(reported, ['reportedMissingFrom', 'pfa'], /police force for that local authority/);
    expect(parseNotification('out-of-area-move', edited(example, ['hostPfa'], 'W15000003'))).toMatchObject({
      ok: false,
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ['hostPfa'], code: 'POLICE_FORCE_NOT_FOR_AREA' }),
      ]),
    });
  });

  it('refuses found before reported missing', () => {
    const early = edited(example, ['foundAt', 'at'], '2025-03-08T20:00:00+00:00');
    expectRefusedAt(early, ['foundAt', 'at'], /reportedMissingFrom/);
  });

  it('refuses a date-time without an offset', () => {
    expectRefusedAt(edited(example, ['foundAt', 'at'], '2025-03-09T02:15:00'), ['foundAt', 'at'], /offset/);
  });

  it('needs at least one action, each once', () => {
    expectRefusedAt(edited(example, ['actionsRequested'], []), ['actionsRequested'], /at least one/);
    expectRefusedAt(edited(example, ['actionsRequested'], ['welfare_check', 'welfare_check']), [
      'actionsRequested',
      1,
    ]);
  });

  it('accepts a family relocation with no missing details', () => {
    let relocation = edited(example, ['movementType'], 'family_relocation');
    relocation = edited(relocation, ['reportedMissingFrom'], REMOVE);
    relocation = edited(relocation, ['foundAt'], REMOVE);
    expect(parse(relocation).ok).toBe(true);
  });
});
