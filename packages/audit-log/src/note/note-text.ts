/** True when a key name is non-empty and free of Unicode spaces and `+` (C2SP signed-note). */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s\u0085+]/u.test(name) && isCleanText(name);
}

/**
 * True when `text` is well-formed UTF-16 (so it encodes to valid UTF-8) and has no ASCII control
 * character other than newline.
 */
export function isCleanText(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i += 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/** True when `text` can be signed as note text: clean, non-empty lines are allowed, ends in newline. */
export function isValidNoteText(text: string): boolean {
  return text.endsWith('\n') && isCleanText(text);
}
