import { describe, expect, it } from 'vitest';
import { edited, loadExample, REMOVE } from './load-example.ts';
import { KindName, kinds, parseNotification } from './registry.ts';

const cse = loadExample('cse-protocol-entry');

describe('kinds registry', () => {
  it('has one contract per kind name, version 1, with English and Welsh titles', () => {
    expect(Object.keys(kinds).sort()).toEqual([...KindName.options].sort());
    for (const [name, contract] of Object.entries(kinds)) {
      expect(contract.name).toBe(name);
      expect(contract.version).toBe(1);
      expect(contract.title.en.length).toBeGreaterThan(3);
      expect(contract.title.cy.length).toBeGreaterThan(3);
      expect(contract.title.cy).not.toBe(contract.title.en);
    }
    expect(Object.isFrozen(kinds)).toBe(true);
  });

  it('refuses an unknown kind or version with UNKNOWN_KIND', () => {
    for (const kind of [
      'care_placement_transition',
      'CSE-PROTOCOL-ENTRY',
      '__proto__',
      'constructor',
      'toString',
      '',
    ]) {
      expect(parseNotification(kind, cse), kind).toMatchObject({ ok: false, code: 'UNKNOWN_KIND' });
    }
    expect(parseNotification('cse-protocol-entry', cse, 2)).toMatchObject({
      ok: false,
      code: 'UNKNOWN_KIND',
    });
    expect(parseNotification('cse-protocol-entry', cse, 1)).toMatchObject({ ok: true });
  });

  it('refuses a payload for the wrong kind with CONTRACT_INVALID', () => {
    expect(parseNotification('missing-episode', cse)).toMatchObject({ ok: false, code: 'CONTRACT_INVALID' });
    for (const payload of [null, undefined, 42, 'text', [], [cse]]) {
      expect(parseNotification('cse-protocol-entry', payload)).toMatchObject({
        ok: false,
        code: 'CONTRACT_INVALID',
      });
    }
  });

  it('falls back to a folded family|given|dob subject key when there is no NHS number or UPN', () => {
    let payload = edited(cse, ['subject', 'identifiers'], [{ type: 'upn', value: 'p670123424001' }]);
    const byUpn = parseNotification('cse-protocol-entry', payload);
    expect(byUpn.ok && kinds['cse-protocol-entry'].subjectIdentifier(byUpn.value)).toEqual({
      type: 'upn',
      value: 'P670123424001',
    });
    payload = edited(payload, ['subject', 'identifiers'], REMOVE);
    payload = edited(payload, ['subject', 'name'], { family: '  Ap  Siôn ', given: 'CERYS' });
    const byName = parseNotification('cse-protocol-entry', payload);
    expect(byName.ok && kinds['cse-protocol-entry'].subjectIdentifier(byName.value)).toEqual({
      type: 'name-dob',
      value: 'ap sion|cerys|2010-05-12',
    });
  });
});

describe('what each kind says about itself', () => {
  it.each(KindName.options)(
    '%s: a one-line inbox summary in English and Welsh, without raw codes',
    (kind) => {
      const parsed = parseNotification(kind, loadExample(kind));
      if (!parsed.ok) throw new Error('example does not parse');
      const en = kinds[kind].summary(parsed.value, 'en');
      const cy = kinds[kind].summary(parsed.value, 'cy');
      expect(en.length).toBeGreaterThan(5);
      expect(cy).not.toBe(en);
      for (const line of [en, cy]) {
        expect(line).not.toMatch(/\n|\b[a-z]+_[a-z_]+\b|\b[WE](06|08|09|10|15|23)\d{6}\b/);
        expect(line.length).toBeLessThan(200);
      }
      expect(kinds[kind].summary(null, 'en')).toBe('');
    },
  );

  it.each(KindName.options)('%s: names the local authorities routing reads, each once per part', (kind) => {
    const parsed = parseNotification(kind, loadExample(kind));
    if (!parsed.ok) throw new Error('example does not parse');
    const areas = kinds[kind].areas(parsed.value);
    // Intelligence goes to the force intelligence bureau, and the board's figures to the board:
    // their examples name no authority.
    if (kind !== 'intelligence-form' && kind !== 'board-statistics') expect(areas.length).toBeGreaterThan(0);
    for (const area of areas) expect(area.la).toMatch(/^[WE]0[6-9]\d{6}$/);
    expect(new Set(areas.map((a) => `${a.role}|${a.la}`)).size).toBe(areas.length);
    expect(kinds[kind].areas('junk')).toEqual([]);
  });

  it('lists the agency types that may send each kind', () => {
    for (const contract of Object.values(kinds)) expect(contract.senders.length).toBeGreaterThan(0);
    expect(kinds['intelligence-form'].senders).toContain('voluntary');
    expect(kinds['cse-protocol-entry'].senders).not.toContain('voluntary');
  });
});

describe('parseNotification on hostile input', () => {
  it('refuses __proto__ and constructor keys without polluting prototypes or naming them', () => {
    const text = JSON.stringify(cse).replace('{', '{"__proto__":{"polluted":"yes"},"constructor":{"x":1},');
    const result = parseNotification('cse-protocol-entry', JSON.parse(text));
    expect(result).toMatchObject({ ok: false, code: 'CONTRACT_INVALID' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(result)).not.toContain('__proto__');
    expect(JSON.stringify(result)).not.toContain('constructor');
    const nested = JSON.parse(
      JSON.stringify(cse).replace('"subject":{', '"subject":{"__proto__":{"isAdmin":true},'),
    );
    expect(parseNotification('cse-protocol-entry', nested)).toMatchObject({ ok: false });
  });

  it('survives deep nesting', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(parseNotification('cse-protocol-entry', edited(cse, ['subject'], deep))).toMatchObject({
      ok: false,
    });
    let array: unknown = [];
    for (let i = 0; i < 100_000; i++) array = [array];
    expect(parseNotification('cse-protocol-entry', edited(cse, ['indicators'], array))).toMatchObject({
      ok: false,
    });
  });

  it('refuses huge strings and long arrays without echoing them', () => {
    const huge = `SECRET${'x'.repeat(5_000_000)}`;
    const result = parseNotification('cse-protocol-entry', edited(cse, ['concernsNarrative'], huge));
    expect(result).toMatchObject({ ok: false, code: 'CONTRACT_INVALID' });
    expect(JSON.stringify(result).length).toBeLessThan(2_000);
    const many = Array.from({ length: 10_000 }, () => ({ text: 5, period: 'nope' }));
    const flood = parseNotification('cse-protocol-entry', edited(cse, ['indicators'], many));
    expect(flood.ok || flood.issues.length).toBeLessThanOrEqual(100);
  });

  it('never echoes input values in issues', () => {
    const marker = 'Zq7SecretMarker';
    let payload = edited(cse, ['subject', 'dateOfBirth'], marker);
    payload = edited(payload, ['purpose'], marker);
    payload = edited(payload, ['subject', 'identifiers', 0, 'value'], `${marker}123`);
    payload = edited(payload, ['sender', 'org', 'value'], marker);
    const withKey = edited(payload, ['sender', `${marker}Key with spaces`], 1);
    const result = parseNotification('cse-protocol-entry', withKey);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(marker);
  });

  it('turns a throwing getter into a coded result', () => {
    const trap = { ...cse };
    Object.defineProperty(trap, 'subject', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(parseNotification('cse-protocol-entry', trap)).toMatchObject({
      ok: false,
      code: 'CONTRACT_INVALID',
    });
  });
  it('refuses a lone surrogate in any string or key with TEXT_MALFORMED, naming the path, never the text', () => {
    const lone = 'Cerys \ud800 Evans';
    for (const [payload, path] of [
      [edited(cse, ['concernsNarrative'], lone), ['concernsNarrative']],
      [edited(cse, ['indicators', 0], lone), ['indicators', 0]],
      [edited(cse, ['riskAssessment', '\udc00'], 'x'), ['riskAssessment']],
    ] as const) {
      const result = parseNotification('cse-protocol-entry', payload);
      expect(result).toMatchObject({ ok: false, code: 'TEXT_MALFORMED', issues: [{ path }] });
      expect(JSON.stringify(result)).not.toContain('Cerys');
    }
    // A pair of surrogates is one well-formed code point.
    expect(
      parseNotification('cse-protocol-entry', edited(cse, ['concernsNarrative'], 'ok \ud83d\ude00')),
    ).toMatchObject({
      ok: true,
    });
  });
});
