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
