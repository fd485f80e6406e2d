// Keys for comparing proper names (places, organisations). Display keeps the published form;
// these only decide whether two spellings name the same thing.
import { nfc } from './text.js';

// Same table as foldCase, but case-preserving and never after q (in `quý` the u is part of `qu`).
const TONE_MOVES: Record<string, string> = {
  'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa',
  'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
  'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy',
};
// Letters spelled out rather than \\p{L}, which is slow to compile.
const LETTERS = 'A-Za-z\\u00C0-\\u024F\\u0300-\\u036F\\u1E00-\\u1EFF';
const TONE_RE = new RegExp(`(?<![qQ])(${Object.keys(TONE_MOVES).join('|')})(?![${LETTERS}])`, 'g');

/** One tone-mark style for display (`Thanh Hoá` -> `Thanh Hóa`, `thuỷ` -> `thủy`), case kept. */
export function displayTones(text: string): string {
  return nfc(text).replace(TONE_RE, (m) => TONE_MOVES[m] ?? m);
}

/** Published name tidied for display: NFC, one tone style, single spaces, one apostrophe. */
export function displayName(text: string): string {
  return displayTones(text).replace(/[’‘ʼ`]/g, "'").replace(/\s+/g, ' ').trim();
}

const FOLD_TONE_RE = new RegExp(`(${Object.keys(TONE_MOVES).join('|')})(?![${LETTERS}])`, 'g');

// Names made of letters, digits and single spaces are NFC already (every precomposed Latin letter is,
// and none composes with its neighbour) and have nothing to tidy: nameKey is then just the case and
// tone folding.
const PLAIN_NAME = /^[A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF]+(?: [A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF]+)*$/;

/**
 * Key under which two spellings of a name compare equal: case, tone-mark placement, apostrophe
 * style and spacing around hyphens ignored. `Bà Rịa - Vũng Tàu` = `bà rịa-vũng tàu`.
 * Same folding as foldCase (Vietnamese has no locale-specific case rules, so plain toLowerCase),
 * written out because the gazetteer index keys every unit name with it.
 */
export function nameKey(text: string): string {
  return PLAIN_NAME.test(text)
    ? text.toLowerCase().replace(FOLD_TONE_RE, (m) => TONE_MOVES[m] ?? m)
    : nfc(text)
      .toLowerCase()
      .replace(FOLD_TONE_RE, (m) => TONE_MOVES[m] ?? m)
      .replace(/[’‘ʼ`]/g, "'")
      .replace(/\s*'\s*/g, "'")
      .replace(/\s*[-–—]\s*/g, '-')
      .replace(/\s+/g, ' ')
      .trim();
}

/**
 * names.map(nameKey), faster for many names: the plain ones are folded in one string (lower case
 * goes character by character, and a line break stops a tone move as the end of a name does).
 */
export function nameKeys(names: string[]): string[] {
  const out: string[] = new Array(names.length);
  const plain: number[] = [];
  names.forEach((name, k) => {
    if (PLAIN_NAME.test(name)) plain.push(k);
    else out[k] = nameKey(name);
  });
  const folded = plain.map((k) => names[k]).join('\n').toLowerCase().replace(FOLD_TONE_RE, (m) => TONE_MOVES[m] ?? m).split('\n');
  if (folded.length !== plain.length) return names.map(nameKey);
  plain.forEach((k, j) => { out[k] = folded[j]; });
  return out;
}

/** nameKey without spaces, hyphens and apostrophes, for run-together spellings (`KonTum`). */
export function squashKey(text: string): string {
  return squash(nameKey(text));
}

/** squashKey of a text already passed through nameKey. */
export const squash = (key: string): string => key.replace(/[\s'-]/g, '');
