// Text normalisation shared by every matcher. Display keeps the published form;
// matching uses these keys.


// Map of vowel-with-tone on the second letter of oa/oe/uy to the first-letter form.
const TONE_MOVES: Record<string, string> = {
  'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa',
  'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
  'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy',
};
const TONE_RE = new RegExp(`(${Object.keys(TONE_MOVES).join('|')})(?![\\p{L}])`, 'gu');

/** NFC, non-breaking and odd spaces to plain spaces. */
export function nfc(text: string): string {
  // Invisible characters go first: a soft hyphen between a letter and its combining mark blocks NFC.
  return text.replace(/[\u200b\u200c\u200d\ufeff\u00ad]/g, '').normalize('NFC').replace(/[\u00a0\u2007\u202f\u2009\u200a]/g, ' ');
}

/** Lower case with tone marks placed the modern way (hòa, thủy), for comparing names. */
export function foldCase(text: string): string {
  return nfc(text).toLowerCase().replace(TONE_RE, (m) => TONE_MOVES[m] ?? m);
}

/** Diacritic-free key with đ -> d: `Thái Nguyên` -> `thai nguyen`. For search and fuzzy lookups. */
export function asciiKey(text: string): string {
  return nfc(text)
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** JS `\s`: white space and line terminators (also what trim() removes). */
export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The runs of non-space characters of `s`: `s.split(/\s+/).filter(Boolean)`, without the regex. */
export function splitWords(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    if (isSpaceCode(s.charCodeAt(i))) {
      if (start >= 0) out.push(s.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

/**
 * Per code unit below 0x2000, 1 when the one-character string matches `re` (a class with the `u`
 * flag, such as `[\p{L}]`): a table read instead of a Unicode regex per character. Code units from
 * 0x2000 (and surrogate pairs) are not covered: callers fall back to the regex for them.
 */
export function unitTable(re: RegExp): Uint8Array {
  return Uint8Array.from({ length: 0x2000 }, (_, c) => Number(re.test(String.fromCharCode(c))));
}

/** In LOWER_UNIT: the code unit has no lower case of its own; the string takes toLowerCase. */
export const NO_LOWER = 0xffff;

/**
 * Per code unit below 0x2000, what toLowerCase makes of it, when that is one code unit below 0x2000
 * whatever the neighbours; else NO_LOWER (İ becomes two units, Σ depends on the letters after it).
 * Reading a string through it saves making a lower-case copy (toLowerCase is slow on Vietnamese).
 */
export const LOWER_UNIT = Uint16Array.from({ length: 0x2000 }, (_, c) => {
  const low = String.fromCharCode(c).toLowerCase();
  return c === 0x3a3 || low.length !== 1 || low.charCodeAt(0) >= 0x2000 ? NO_LOWER : low.charCodeAt(0);
});

/** `splitWords(s).join(' ')`: `s` itself when it is trimmed and single-spaced already (no split). */
export function joinWords(s: string): string {
  const last = s.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c) && (c !== 0x20 || i === 0 || i === last || s.charCodeAt(i - 1) === 0x20)) return splitWords(s).join(' ');
  }
  return s;
}

/** `splitWords(s).length`, without making the words. */
export function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpaceCode(s.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** `splitWords(s).slice(0, n).join(' ')` for n >= 0, reading only as far as the n-th word. */
export function firstWords(s: string, n: number): string {
  let i = 0;
  let start = -1;
  let end = 0;
  // Whether the words read so far are apart by one plain space each: their slice is then the answer.
  let single = true;
  for (let count = 0; count < n; count++) {
    const gap = i;
    while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
    if (i === s.length) break;
    if (start < 0) start = i;
    else if (i - gap !== 1 || s.charCodeAt(gap) !== 0x20) single = false;
    while (i < s.length && !isSpaceCode(s.charCodeAt(i))) i++;
    end = i;
  }
  if (start < 0) return '';
  return single ? s.slice(start, end) : joinWords(s.slice(start, end));
}

/** `splitWords(s).slice(-n).join(' ')` for n >= 1, reading only back to the n-th last word. */
export function lastWords(s: string, n: number): string {
  let i = s.length;
  let start = -1;
  let end = -1;
  for (let count = 0; count < n; count++) {
    while (i > 0 && isSpaceCode(s.charCodeAt(i - 1))) i--;
    if (i === 0) break;
    if (end < 0) end = i;
    while (i > 0 && !isSpaceCode(s.charCodeAt(i - 1))) i--;
    start = i;
  }
  return start < 0 ? '' : joinWords(s.slice(start, end));
}
