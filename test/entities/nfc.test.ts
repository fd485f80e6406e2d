// The NFC shortcut of toNfc: texts made of nfcSafe code units are NFC, so they are not normalized.
import { describe, expect, it } from 'vitest';
import { nfcSafe, toNfc } from '../../src/extract/entities/scan.js';

/** Second and later code units of canonical decompositions: these compose with what precedes them. */
function composingUnits(): Set<number> {
  const out = new Set<number>();
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const d = String.fromCodePoint(cp).normalize('NFD');
    for (let k = 1; k < d.length; k++) out.add(d.charCodeAt(k));
  }
  return out;
}

/** A combining class other than 0: canonical ordering may move it (tested against two marks). */
function reorders(ch: string): boolean {
  const nfd = ch.normalize('NFD');
  if (nfd.length > 1) return false; // decomposable characters start with a starter
  return ('a' + ch + '\u0334').normalize('NFD') !== `a${nfd}\u0334` || ('a\u0345' + ch).normalize('NFD') !== `a\u0345${nfd}`;
}

describe('toNfc shortcut', () => {
  it('calls only NFC starters that never compose safe', () => {
    const composing = composingUnits();
    for (let u = 0; u < 0x10000; u++) {
      if (!nfcSafe(u)) continue;
      const ch = String.fromCharCode(u);
      expect(ch.normalize('NFC')).toBe(ch);
      expect(composing.has(u)).toBe(false);
      expect(reorders(ch)).toBe(false);
    }
    expect(nfcSafe(0x1ea1)).toBe(true); // ạ
    expect(nfcSafe(0x301)).toBe(false); // combining acute
  });

  it('maps texts as normalizing them would', () => {
    for (const text of ['Hòa Bình', 'Hoa\u0300 Bi\u0300nh', 'tỉnh Bắc Kạn “x” – 5₫', '\u212a', 'a\u0323\u0302', '']) {
      const nfc = toNfc(text);
      if (text.normalize('NFC') === text) expect(nfc).toBeUndefined();
      else expect(nfc?.text).toBe(text.normalize('NFC'));
    }
  });
});
