import type { Lang } from './page-shell.ts';

/** A word or sentence of a page: [English, Welsh]. */
export type WordPair = readonly [en: string, cy: string];

/** One side of a pair for a page's language. */
export function pick(pair: WordPair, lang: Lang): string {
  return pair[lang === 'cy' ? 1 : 0];
}

/**
 * A page's words, looked up by key in the page's language: one table per page, one lookup.
 *
 * @example const w = wordsOf({ title: ['Board data sheet', 'Taflen ddata’r bwrdd'] }); w('cy', 'title')
 */
export function wordsOf<const T extends Record<string, WordPair>>(
  table: T,
): (lang: Lang, key: keyof T) => string {
  return (lang, key) => pick(table[key]!, lang);
}
