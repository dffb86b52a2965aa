import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { kindFolderProblems, type RegisteredKind } from './kind-folders.ts';
import { kinds } from './registry.ts';
import { codes, l } from './shared/label-groups.ts';

describe('kind folders', () => {
  it('every folder under contracts/src/kinds is a registered, complete kind', () => {
    expect(kindFolderProblems(import.meta.dirname, Object.values(kinds))).toEqual([]);
  });
});

describe('kindFolderProblems on a made-up folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cwtch-kinds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const touch = (path: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), '');
  };
  const Colour = z.enum(['red', 'green']);
  const complete: RegisteredKind = {
    name: 'complete-kind',
    schema: z.strictObject({ colour: Colour, la: z.string() }),
    labels: {
      colour: l('Colour', 'Lliw', codes(Colour, { red: ['Red', 'Coch'], green: ['Green', 'Gwyrdd'] })),
      la: l('Local authority', 'Awdurdod lleol'),
    },
  };
  for (const file of [
    'complete-kind/kind.ts',
    'complete-kind/example.json',
    'complete-kind/schema.test.ts',
  ]) {
    touch(file);
  }
  touch('shared/label-groups.ts');
  touch('stray-kind/kind.ts');
  touch('bare-kind/kind.ts');

  it('passes a complete kind and ignores shared/', () => {
    expect(kindFolderProblems(dir, [complete])).toEqual([
      expect.stringMatching(/bare-kind\/ is not registered: .*add it to KIND_LIST/),
      expect.stringMatching(/stray-kind\/ is not registered/),
    ]);
  });

  it('says what to add: example, tests, field labels, Welsh labels, code value labels', () => {
    const bare: RegisteredKind = {
      name: 'bare-kind',
      schema: z.strictObject({ colour: Colour, note: z.string() }),
      labels: {
        colour: l('Colour', 'Lliw', codes(Colour, { red: ['Red', 'Coch'], green: ['Green', ''] })),
        note: l('Note', ' '),
      },
    };
    const problems = kindFolderProblems(dir, [complete, bare]).filter((p) => !p.includes('stray-kind'));
    expect(problems).toEqual([
      expect.stringMatching(/bare-kind has no example: add contracts\/src\/kinds\/bare-kind\/example\.json/),
      expect.stringMatching(/bare-kind has no tests: add contracts\/src\/kinds\/bare-kind\/schema\.test\.ts/),
      expect.stringMatching(/bare-kind needs English and Welsh labels in .*labels\.ts for: note$/),
      expect.stringMatching(
        /bare-kind needs English and Welsh labels for these code values .*: colour=green$/,
      ),
    ]);
  });

  it('names a registered kind with no folder', () => {
    const ghost = { ...complete, name: 'ghost-kind' };
    expect(kindFolderProblems(dir, [complete, ghost]).join('\n')).toMatch(
      /ghost-kind is registered without contracts\/src\/kinds\/ghost-kind\/kind\.ts/,
    );
  });
});
