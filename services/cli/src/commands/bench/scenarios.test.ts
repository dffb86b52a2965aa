import { describe, expect, it } from 'vitest';
import { DEMO_AGENCIES, DEMO_AGREEMENTS } from '../../region/demo-region.ts';
import { agreementCovering, asSender, demoScenario } from './scenarios.ts';

describe('demoScenario', () => {
  it('sends one kind to three recipients under one agreement: police, health and a charity', () => {
    const [route, ...more] = demoScenario('three').routes;
    expect(more).toHaveLength(0);
    expect(route).toMatchObject({
      from: 'swansea-cs',
      kind: 'cse-protocol-entry',
      to: ['south-wales-police', 'swansea-bay-health', 'barnardos-cymru'],
      agreement: 'waspi-isp-wb-exploitation-2026',
    });
  });

  it('gives every demo agency but the board routes to send at once, each covered by an agreement', () => {
    const routes = demoScenario('senders').routes;
    expect(new Set(routes.map((r) => r.from)).size).toBe(10);
    expect(routes.map((r) => r.from)).not.toContain('wg-board');
    expect(routes.find((r) => r.from === 'hillside')).toMatchObject({
      kind: 'care-home-transition',
      to: ['swansea-cs'],
    });
    for (const r of routes) {
      expect(r.to).toHaveLength(1);
      expect(r.to).not.toContain(r.from);
      expect(agreementCovering(DEMO_AGREEMENTS, r)?.id).toBe(r.agreement);
    }
  });
});

describe('agreementCovering', () => {
  it('finds no agreement for the regional board as a recipient of identifiable kinds', () => {
    expect(
      agreementCovering(DEMO_AGREEMENTS, {
        from: 'hillside',
        kind: 'care-home-transition',
        to: ['wg-board'],
      }),
    ).toBeUndefined();
  });
});

describe('asSender', () => {
  it('writes the sending agency type and organisation into the example, keeping the contact', () => {
    const health = DEMO_AGENCIES.find((a) => a.id === 'swansea-bay-health')!;
    const example = {
      kind: 'x',
      sender: {
        agencyType: 'childrens-services',
        org: { scheme: 'ons_gss_lad', value: 'W06000011', name: 'Swansea' },
        contact: { role: 'r' },
      },
    };
    expect(asSender(example, health)).toEqual({
      kind: 'x',
      sender: {
        agencyType: 'health-board',
        org: { scheme: 'nhs_ods', value: '7A3', name: 'Swansea Bay University Health Board' },
        contact: { role: 'r' },
      },
    });
  });

  it("swaps legitimate interests for public task when a public authority sends a charity's example", () => {
    const health = DEMO_AGENCIES.find((a) => a.id === 'swansea-bay-health')!;
    const example = { lawfulBasis: { ukGdprArt6: ['6(1)(f)'] }, sender: { agencyType: 'voluntary' } };
    expect(asSender(example, health).lawfulBasis).toEqual({ ukGdprArt6: ['6(1)(e)'] });
    const own = { lawfulBasis: { ukGdprArt6: ['6(1)(f)'] }, sender: { agencyType: 'health-board' } };
    expect(asSender(own, health).lawfulBasis).toEqual({ ukGdprArt6: ['6(1)(f)'] });
  });

  it('names no organisation where the example names none', () => {
    const health = DEMO_AGENCIES.find((a) => a.id === 'swansea-bay-health')!;
    const example = {
      sender: { agencyType: 'childrens-services', org: { scheme: 'ons_gss_lad', value: 'W06000011' } },
    };
    expect(asSender(example, health).sender).toEqual({
      agencyType: 'health-board',
      org: { scheme: 'nhs_ods', value: '7A3' },
    });
  });
});
