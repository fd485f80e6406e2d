// Phrase and lower-case helpers (src/normalize/phrases.ts, text.ts, indicators.ts, extract/subject.ts):
// the same results as the regex and toLowerCase forms they replace.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import cues from '../../src/data/cues.json' with { type: 'json' };
import { PhraseSet, foldUnit } from '../../src/normalize/phrases.js';
import { LOWER_UNIT, NO_LOWER } from '../../src/normalize/text.js';
import { INDICATORS, indicatorOf, taxonomyWords } from '../../src/normalize/indicators.js';
import { trimTail } from '../../src/extract/subject.js';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LISTS: string[][] = [
  cues.predicateStart, cues.moneyHeads, cues.actionVerbs,
  ['với tổng', 'tổng kinh phí', 'kinh phí', 'dư nợ', 'số tiền', 'với mức'],
];
const TIME_WORDS = ['năm', 'cuối', 'đầu', 'tháng', 'ngày', 'đến', 'tới', 'vào', 'từ'];

// Seed sentences, with case changed and odd characters put in, as texts to search.
const seedText = readdirSync('seeds').sort().slice(0, 12).map((f) => readFileSync(`seeds/${f}`, 'utf8')).join('\n');
const LINES = seedText.split(/(?<=[.;:\n])/).map((s) => s.trim()).filter(Boolean).slice(0, 400);
const SAMPLES = [
  ...LINES, ...LINES.slice(0, 80).map((s) => s.toUpperCase()),
  'ĐƯỢC hỗ trợ, được𝐀 hỗ trợ 𝐀được, ſử dụng, KINH PHÍ, Kinh phíx, xkinh phí, kinh phí', 'vay vốn vay', 'vay', '', ' ',
  'mởcấp cấp mở', 'İstanbul Σ được, Tổ Chức', 'ĐàO TạO', 'với tổng1 với tổng kinh phí', '\ud835được \udc00được',
];

describe('PhraseSet', () => {
  it('folds the letters of the phrases as a case-insensitive regex does', () => {
    const letters = new Set([...LISTS.flat(), ...TIME_WORDS].join('').toLowerCase());
    const timeLetters = new Set(TIME_WORDS.join(''));
    const wrong: string[] = [];
    for (const x of letters) {
      const re = new RegExp(`^${esc(x)}$`, 'iu');
      const code = x.charCodeAt(0);
      for (let c = 0; c < 0x10000; c++) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        const ch = String.fromCharCode(c);
        const match = re.test(ch);
        if (match !== (foldUnit(c) === code)) wrong.push(`${x} ${c}`);
        // TIME_WORDS are compared with toLowerCase: the same but for long s, which they do not hold.
        if (timeLetters.has(x) && match !== (ch.toLowerCase() === x)) wrong.push(`time ${x} ${c}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(LISTS.flatMap((list) => [[list, true], [list, false]] as const))('finds what the regex finds: %j, caseless %s', (list, caseless) => {
    const set = new PhraseSet(list, caseless);
    const flags = caseless ? 'iu' : 'u';
    const sorted = [...list].sort((a, b) => b.length - a.length).map(esc).join('|');
    const first = new RegExp(`(?<![\\p{L}])(?:${sorted})(?![\\p{L}])`, flags);
    const all = new RegExp(first.source, `g${flags}`);
    const end = new RegExp(`(?<![\\p{L}])(?:${list.map(esc).join('|')})$`, flags);
    for (const s of SAMPLES) {
      expect(set.find(s)).toBe(s.search(first));
      expect(set.hits(s)).toEqual([...s.matchAll(all)].flatMap((m) => [m.index!, m.index! + m[0].length]));
      expect(set.suffix(s)).toBe(end.exec(s)?.index ?? -1);
      for (const w of s.split(/[,;]/)) expect(set.suffix(w.trim())).toBe(end.exec(w.trim())?.index ?? -1);
    }
  });
});

describe('lower case by table', () => {
  it('LOWER_UNIT is toLowerCase where it is set', () => {
    for (let c = 0; c < LOWER_UNIT.length; c++) {
      if (LOWER_UNIT[c] === NO_LOWER) continue;
      const ch = String.fromCharCode(c);
      expect(`a${ch}b ${ch}`.toLowerCase()).toBe(`a${String.fromCharCode(LOWER_UNIT[c])}b ${String.fromCharCode(LOWER_UNIT[c])}`);
    }
  });

});

describe('indicatorOf', () => {
  // The plain reading of the taxonomy: the first rule (units fit, an `any` keyword, every `all`, no `none`) wins.
  const reference = (f: { subject?: string; noun?: string; unit: string }) => {
    const text = ` ${taxonomyWords(`${f.subject ?? ''} | ${f.noun ?? ''}`).join(' ')} `;
    const has = (kw: string) => text.includes(` ${taxonomyWords(kw).join(' ')} `);
    const rule = INDICATORS.find((r) => (!r.units || r.units.includes(f.unit)) && (r.any.length === 0 || r.any.some(has))
      && (r.all ?? []).every(has) && !(r.none ?? []).some(has));
    return rule?.key ?? 'other';
  };
  const subjects = [...SAMPLES, ...INDICATORS.flatMap((r) => [...r.any, ...(r.all ?? [])].map((k) => `Tỷ lệ ${k.toUpperCase()} – năm`))];
  const units = ['percent', 'household', 'VND', 'person'];

  it('agrees with the plain reading', () => {
    subjects.forEach((subject, i) => {
      const f = { subject, noun: i % 3 ? 'hộ nghèo' : undefined, unit: units[i % units.length] };
      expect([subject, indicatorOf(f)]).toEqual([subject, reference(f)]);
    });
  });
});

describe('trimTail', () => {
  // The regex form it replaces.
  const TRAILING = new Set(cues.verbsBeforeFigure);
  const TIME_WORD = /^(năm|cuối|đầu|tháng|ngày|đến|tới|vào|từ)$/iu;
  const reference = (phrase: string) => {
    const w = phrase.replace(/[,:;(=]+\s*$/, '').split(/\s+/).filter(Boolean);
    while (w.length) {
      const last = w[w.length - 1].toLowerCase().replace(/[,.:;=]+$/, '');
      if (/^\d/.test(last)) {
        w.pop();
        while (w.length && TIME_WORD.test(w[w.length - 1])) w.pop();
        continue;
      }
      if (w.length > 1 && TRAILING.has(`${w[w.length - 2].toLowerCase()} ${last}`)) { w.splice(-2); continue; }
      if (TRAILING.has(last) || last === '' || /^[-–:,(=]$/.test(last)) { w.pop(); continue; }
      break;
    }
    return w.join(' ').replace(/[,;:]+$/, '').trim();
  };

  it('is the regex form on seed clauses', () => {
    const clauses = [...SAMPLES, ...SAMPLES.flatMap((s) => s.split(/\d+/)), 'tỷ lệ hộ nghèo năm 2023 còn', 'hộ ,: ', 'Tháng 5 NĂM 2023', 'a lần lượt là', ', ,'];
    for (const c of clauses) expect([c, trimTail(c)]).toEqual([c, reference(c)]);
  });
});
