import { describe, expect, it } from 'vitest';
import { isTemporaryUpn, isValidUpn, isWelshUpn, normaliseUpn, Upn, upnCheckLetter } from './upn.ts';

describe('Unique Pupil Number (reference §3.2)', () => {
  it('accepts B801200005001 and refuses A801200005001 (python-stdnum doctests)', () => {
    expect(isValidUpn('B801200005001')).toBe(true);
    expect(isValidUpn('A801200005001')).toBe(false);
  });

  it('trap: the vendor worked example is wrong; 207000016049 sums to 266 → P, not Q', () => {
    expect(upnCheckLetter('207000016049')).toBe('P');
    expect(isValidUpn('P207000016049')).toBe(true);
    expect(isValidUpn('Q207000016049')).toBe(false);
    expect(isValidUpn('B207000016049')).toBe(false);
  });

  it('accepts Welsh LA numbers 660–681, which python-stdnum omits', () => {
    expect(isValidUpn('P670123424001')).toBe(true);
    expect(isWelshUpn('P670123424001')).toBe(true);
    for (let la = 660; la <= 681; la++) {
      const rest = `${la}12342400${la % 10}`;
      const upn = `${upnCheckLetter(rest)}${rest}`;
      expect(isValidUpn(upn), upn).toBe(true);
      expect(isWelshUpn(upn), upn).toBe(true);
    }
    expect(isWelshUpn('B801200005001')).toBe(false);
  });

  it('accepts a temporary UPN whose last character is a letter, counted by its alphabet index', () => {
    expect(isValidUpn('B66112342400A')).toBe(true);
    expect(isTemporaryUpn('B66112342400A')).toBe(true);
    expect(isTemporaryUpn('B801200005001')).toBe(false);
  });

  it('refuses the excluded letters I, O and S in either letter position', () => {
    for (const upn of ['I801200005001', 'O801200005001', 'S801200005001', 'B66112342400S']) {
      expect(isValidUpn(upn), upn).toBe(false);
    }
  });

  it('normalises case and surrounding space; refuses wrong lengths', () => {
    expect(normaliseUpn(' b801200005001 ')).toBe('B801200005001');
    expect(Upn.parse('b801200005001')).toBe('B801200005001');
    expect(isValidUpn('B80120000500')).toBe(false);
    expect(isValidUpn('B8012000050011')).toBe(false);
  });

  it('says whether the shape or the check letter is wrong', () => {
    expect(Upn.safeParse('B80120').error?.issues[0]?.message).toMatch(/12 digits/);
    expect(Upn.safeParse('A801200005001').error?.issues[0]?.message).toMatch(/check letter/);
  });
});
