import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { KindName, kinds, schemaCodeValues } from '@cwtch/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { leadFacts, payloadView } from './payload-view.ts';

const require = createRequire(import.meta.url);
const example = (kind: string) =>
  JSON.parse(readFileSync(require.resolve(`@cwtch/contracts/examples/${kind}.json`), 'utf8')) as unknown;

/** What a reader sees: the text between tags, attributes (and the codes kept in them) left out. */
const visibleText = (markup: string) => markup.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

/** The kind's code values that read as codes (snake_case, kebab-case), never as words. */
function codes(kind: KindName): string[] {
  const all = schemaCodeValues(z.toJSONSchema(kinds[kind].schema, { io: 'input' }));
  return [...new Set([...all.values()].flatMap((set) => [...set]))].filter((c) =>
    /_|^[a-z]+(-[a-z]+)+$/.test(c),
  );
}

describe('payloadView', () => {
  it.each(KindName.options)(
    'shows the %s example under labels, codes as words, in English and Welsh',
    (kind) => {
      for (const lang of ['en', 'cy'] as const) {
        const text = visibleText(String(payloadView(example(kind), lang, kind)));
        const words = new Set(text.split(/[\s,]+/));
        expect(
          codes(kind).filter((code) => words.has(code)),
          lang,
        ).toEqual([]);
        expect(text.match(/\b[WE](?:06|08|09|10|15|23)\d{6}\b/g) ?? [], lang).toEqual([]);
        // One date format: calendar dates and times alike read "9 Mar 2025", never ISO.
        expect(text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [], `${kind} ${lang}`).toEqual([]);
      }
    },
  );

  it('names areas and code values in Welsh', () => {
    const markup = String(payloadView(example('missing-episode'), 'cy', 'missing-episode'));
    expect(visibleText(markup)).toContain('Wrecsam');
    expect(visibleText(markup)).toContain('Ar goll o ofal (M)');
    expect(markup).toContain('<data value="W06000006">Wrecsam</data>');
  });

  it('leads with the actions asked and the risk, under labels, codes as words', () => {
    const move = leadFacts(example('out-of-area-move'), 'en', 'out-of-area-move');
    expect(move.actions.map((f) => f.label)).toEqual(['Actions requested']);
    const asked = visibleText(String(move.actions[0]?.value));
    expect(asked).not.toMatch(/welfare_check|return_interview/);
    expect(move.risk.map((f) => f.label)).toContain('Risk summary');

    const missing = leadFacts(example('missing-episode'), 'cy', 'missing-episode');
    expect(missing.risk.map((f) => visibleText(String(f.value)).trim())).toContain('Canolig');
    const cse = leadFacts(example('cse-protocol-entry'), 'en', 'cse-protocol-entry');
    expect(visibleText(String(cse.risk[0]?.value))).toContain('Significant');
  });
});
