import { describe, expect, it } from 'vitest';
import { refusalChecker } from '../expect-refused-at.ts';
import { edited, loadExample, REMOVE } from '../load-example.ts';
import { kinds, parseNotification } from '../registry.ts';

const KIND = 'care-home-transition';
const example = loadExample(KIND);
const parse = (payload: unknown) => parseNotification(KIND, payload);

const expectRefusedAt = refusalChecker(KIND);

/** The example turned round: from Hillside (Neath Port Talbot) back into Swansea, the responsible authority. */
function returnHome(payload: unknown): Record<string, unknown> {
  let back = edited(payload, ['transitionType'], 'return_home_area');
  back = edited(back, ['areaAuthority'], 'W06000011');
  back = edited(back, ['proposedPlacement', 'la'], 'W06000011');
  back = edited(back, ['proposedPlacement', 'postcode'], 'SA2 8PP');
  return edited(back, ['proposedPlacement', 'settingName'], 'Children’s home, Sketty');
}

describe('care-home-transition v1', () => {
  it('refuses a "move into another area" that stays in the same authority', () => {
    expectRefusedAt(edited(example, ['areaAuthority'], 'W06000011'), ['areaAuthority'], /another area/);
  });

  it('accepts Hillside telling Swansea before a Swansea child moves back into Swansea (WGSB 2019)', () => {
    const back = returnHome(example);
    const parsed = parse(back);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(kinds[KIND].areas(parsed.value)).toEqual([
      { role: 'responsible', la: 'W06000011' },
      { role: 'area', la: 'W06000011' },
    ]);
    expect(parse(edited(back, ['transitionType'], REMOVE))).toMatchObject({ ok: true });
    expect(parse(edited(back, ['transitionType'], 'leaving_secure_care'))).toMatchObject({ ok: true });
    expectRefusedAt(edited(example, ['transitionType'], 'return_home_area'), ['areaAuthority'], /home area/);
  });

  it('refuses a local authority code that does not exist (W06000007)', () => {
    expectRefusedAt(edited(example, ['areaAuthority'], 'W06000007'), ['areaAuthority'], /local authority/);
  });

  it('needs the legal status of the child', () => {
    expectRefusedAt(
      edited(example, ['subject', 'legalStatus'], REMOVE),
      ['subject', 'legalStatus'],
      /required/,
    );
    const code = edited(example, ['subject', 'legalStatus', 'code'], 'Z9');
    expectRefusedAt(code, ['subject', 'legalStatus', 'code']);
  });

  it('places the proposed placement in the area authority', () => {
    expectRefusedAt(
      edited(example, ['proposedPlacement', 'la'], 'W06000015'),
      ['proposedPlacement', 'la'],
      /areaAuthority/,
    );
  });

  it('needs a placement postcode unless confidential, and none when confidential', () => {
    const noPostcode = edited(example, ['proposedPlacement', 'postcode'], REMOVE);
    expectRefusedAt(noPostcode, ['proposedPlacement', 'postcode'], /confidential/);
    expect(parse(edited(noPostcode, ['proposedPlacement', 'confidential'], true)).ok).toBe(true);
    const both = edited(example, ['proposedPlacement', 'confidential'], true);
    expectRefusedAt(both, ['proposedPlacement', 'postcode'], /left out/);
  });

  it('allows notice within five working days for emergency placements only', () => {
    const late = edited(example, ['notificationTiming'], 'within_5_working_days');
    expectRefusedAt(late, ['notificationTiming'], /emergency/);
    expect(parse(edited(late, ['isEmergencyPlacement'], true)).ok).toBe(true);
  });

  it('needs approval before the move unless it is an emergency', () => {
    const after = edited(example, ['approval', 'approvedAt'], '2025-04-03T09:00:00+01:00');
    expectRefusedAt(after, ['approval', 'approvedAt'], /plannedMoveDate/);
    expect(parse(edited(after, ['isEmergencyPlacement'], true)).ok).toBe(true);
  });

  it('puts the planned arrival on the planned move date', () => {
    const arrival = edited(example, ['plannedArrivalAt'], '2025-04-03T10:00:00+01:00');
    expectRefusedAt(arrival, ['plannedArrivalAt'], /plannedMoveDate/);
  });

  it('takes respond-by from the planned arrival, else the start of the move date in Europe/London', () => {
    const contract = kinds[KIND];
    const withArrival = parse(example);
    const withoutArrival = parse(edited(example, ['plannedArrivalAt'], REMOVE));
    if (!withArrival.ok || !withoutArrival.ok) throw new Error('example does not parse');
    expect(contract.respondBy?.(withArrival.value)).toBe(Date.parse('2025-04-02T13:00:00Z'));
    expect(contract.respondBy?.(withoutArrival.value)).toBe(Date.parse('2025-04-01T23:00:00Z'));
  });
});
