import { describe, expect, it } from 'vitest';
import { refusalChecker } from '../expect-refused-at.ts';
import { edited, loadExample, REMOVE } from '../load-example.ts';
import { kinds, parseNotification } from '../registry.ts';

const KIND = 'intelligence-form';
const example = loadExample(KIND);
const parse = (payload: unknown) => parseNotification(KIND, payload);

const expectRefusedAt = refusalChecker(KIND);

const evaluation = {
  source: '2',
  intelligence: 'B',
  handling: 'P',
  priority: 'medium',
  evaluatedBy: 'Intelligence officer, Swansea',
  evaluatedAt: '2025-03-12T14:00:00+00:00',
};

describe('intelligence-form v1', () => {
  it('refuses urgent matters: they go to 999/101 or a MASH referral', () => {
    expectRefusedAt(edited(example, ['urgency'], 'urgent'), ['urgency'], /999/);
  });

  it('needs a handling code, and conditions with code C', () => {
    const noCode = edited(
      edited(example, ['handling', 'handlingCode'], REMOVE),
      ['handling', 'handlingConditions'],
      REMOVE,
    );
    expectRefusedAt(noCode, ['handling', 'handlingCode'], /required/);
    const noConditions = edited(example, ['handling', 'handlingConditions'], REMOVE);
    expectRefusedAt(noConditions, ['handling', 'handlingConditions'], /code C/);
  });

  it('needs at least one person, vehicle or location, and something to know each person by', () => {
    let empty = edited(example, ['persons'], REMOVE);
    empty = edited(empty, ['vehicles'], REMOVE);
    empty = edited(empty, ['locations'], []);
    expectRefusedAt(empty, ['persons'], /person, vehicle or location/);
    expectRefusedAt(edited(example, ['persons', 0], { role: 'suspect' }), ['persons', 0, 'names']);
  });

  it('accepts a police 3x5x2 evaluation in the schema (sender rules decide who may fill it)', () => {
    expect(parse(edited(example, ['policeEvaluation'], evaluation)).ok).toBe(true);
    const conditional = edited(example, ['policeEvaluation'], { ...evaluation, handling: 'C' });
    expectRefusedAt(conditional, ['policeEvaluation', 'conditions'], /code C/);
    const badGrade = edited(example, ['policeEvaluation'], { ...evaluation, intelligence: 'F' });
    expectRefusedAt(badGrade, ['policeEvaluation', 'intelligence']);
  });

  it('normalises a vehicle registration to upper case without spaces', () => {
    const result = parse(edited(example, ['vehicles', 0, 'vrm'], 'cx19 kzt'));
    expect(result.ok && result.value).toMatchObject({ vehicles: [{ vrm: 'CX19KZT' }] });
    expectRefusedAt(edited(example, ['vehicles', 0], {}), ['vehicles', 0], /describe/);
  });

  it('may be about no identified child', () => {
    const result = parse(edited(example, ['subject'], REMOVE));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(kinds[KIND].subjectIdentifier(result.value)).toBeNull();
  });
});
