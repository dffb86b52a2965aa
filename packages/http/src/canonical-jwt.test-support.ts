const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Every other spelling of a compact JWT whose segments decode to the same bytes: the last
 * character of a segment whose length is 2 or 3 mod 4 carries 4 or 2 unused bits (RFC 4648 §3.5).
 */
export function respellings(token: string): string[] {
  const segments = token.split('.');
  const out: string[] = [];
  segments.forEach((segment, i) => {
    const unused = segment.length % 4 === 2 ? 4 : segment.length % 4 === 3 ? 2 : 0;
    const last = ALPHABET.indexOf(segment.at(-1) ?? '');
    for (let low = 1; low < 1 << unused; low++) {
      const spelt = segment.slice(0, -1) + ALPHABET[last ^ low];
      out.push(segments.map((s, j) => (j === i ? spelt : s)).join('.'));
    }
  });
  return out;
}
