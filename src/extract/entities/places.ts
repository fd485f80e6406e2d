// Places in a text: a level word + a proper name (`huyện Bạch Thông`, `TP.HCM`), bare province names
// (`Hải Dương`), parents in parentheses or after a comma, `cả nước`; each resolved to a gazetteer unit
// with the article's place and date. Optionally, bare level words that stand for the article's own
// unit (`toàn tỉnh`, `UBND huyện`), for attaching a location to figures.
import words from '../../data/place-words.json' with { type: 'json' };
import type { EntityMention } from '../../types.js';
import {
  toPlace, unitsNamed, type Era, type Place, type PlaceLevel, type Unit,
} from '../../normalize/gazetteer.js';
import {
  LEVEL_FORMS, LEVEL_WORDS, NATIONAL, contextUnit, isoDay, referencedUnit, resolveParsed, unresolvedName,
  type LevelForm, type LevelWord,
} from '../../normalize/places.js';
import { foldCase } from '../../normalize/text.js';
import {
  Finder, L, NO_WORD_AFTER, NO_WORD_BEFORE, articleWords, codeAt, atSentenceStart, beforeHyphen, exactHeads, exactSource, fromNfc,
  headsOf, isLetterCode, isUpperCode, isWordChar, isWordCode, phraseHeads, phrasesRegex, properRun, runText, shadowOf, soleSyllableEnd, toNfc,
  wordBefore,
  type Syllable,
} from './scan.js';

export interface PlaceMention extends EntityMention {
  kind: 'place';
  level: PlaceLevel;
  code?: string;
  era?: Era;
  parent?: string;
  province?: string;
  currentProvince?: string;
  currentProvinceCode?: string;
  /** Found in the gazetteer (or the country). */
  resolved: boolean;
  /** Number of units the name could be when nothing told them apart. */
  ambiguous?: number;
  /** A bare level word standing for the article's own unit (`toàn tỉnh`). Only with `references`. */
  reference?: boolean;
}

export interface FindPlacesOptions {
  /** Article date (ISO): picks the unit list in force and resolves `thành phố Huế` before 2025. */
  publishedAt?: string;
  /** The article's place (`thành phố Thái Nguyên`); inferred from the most-mentioned place when absent. */
  contextPlace?: string;
  /** Also report bare level words (`toàn tỉnh`, `của huyện`) resolved against the article's place. */
  references?: boolean;
}

/** A place found in the text before resolution. */
interface Raw {
  start: number;
  end: number;
  word?: LevelWord;
  name: string;
  /** Index of the raw mention naming this one's parent (`(Bắc Kạn)`, `, tỉnh Đắk Lắk`). */
  parent?: number;
  /** Bare name in parentheses after another place: may be a district (`(Nam Trực)`). */
  asParent?: boolean;
  national?: boolean;
}

const RANK: Record<PlaceLevel, number> = { village: 0, commune: 1, district: 2, province: 3, national: 4 };
const BARE_EXCLUDED = new Set(words.bareExcluded.map(foldCase));
const NATIONAL_RE = phrasesRegex(words.national.forms);
const NATIONAL_EXACT_RE = new RegExp(`${NO_WORD_BEFORE}(?:${words.national.exactForms.map(exactSource).join('|')})${NO_WORD_AFTER}`, 'g');

// Level forms by their first two characters (in the shadow for words, in the text for
// abbreviations), as indexes into LEVEL_FORMS: levelFormAt tries only the forms written at `i`.
const pairOf = (a: number, b: number): number => ((a & 0x3fff) << 16) | (b & 0xffff);
const FORMS_BY_SHADOW = new Map<number, number[]>();
const FORMS_BY_TEXT = new Map<number, number[]>();
// Per key & 0xffff, in the shadow (bit 1) or the text (bit 2): skips most map lookups.
const FORM_KEYS = new Uint8Array(0x10000);
const ANYWHERE: number[] = [];
LEVEL_FORMS.forEach((f, k) => {
  const written = f.exact ? f.form : f.folded;
  if (written.length < 2) return void ANYWHERE.push(k);
  const map = f.exact ? FORMS_BY_TEXT : FORMS_BY_SHADOW;
  const key = pairOf(written.charCodeAt(0), written.charCodeAt(1));
  FORM_KEYS[key & 0xffff] |= f.exact ? 2 : 1;
  map.set(key, [...(map.get(key) ?? []), k]);
});

/** Words by their number of words (`hồ sơ`: 2), for `words.some((w) => wordBefore(shadow, i, count(w)) === w)`. */
type WordsByCount = Array<[count: number, words: Set<string>]>;

function byCount(words: string[]): WordsByCount {
  const out: WordsByCount = [];
  for (const w of words) {
    const n = w.split(' ').length;
    let entry = out.find(([m]) => m === n);
    if (!entry) out.push((entry = [n, new Set()]));
    entry[1].add(w);
  }
  return out;
}

/** True when the `n` words before `i` are one of the words with `n` words, for some `n`. */
const afterOneOf = (shadow: string, i: number, words: WordsByCount): boolean =>
  words.some(([n, set]) => set.has(wordBefore(shadow, i, n)));

const NOT_AFTER = new Map(LEVEL_FORMS.map((f) => [f, byCount(f.notAfter)]));

function formAt(text: string, shadow: string, i: number, f: LevelForm): boolean {
  const hit = f.exact ? text.startsWith(f.form, i) : shadow.startsWith(f.folded, i);
  if (!hit) return false;
  const endsWithDot = f.form.endsWith('.');
  if (!endsWithDot && isWordChar(text[i + f.form.length])) return false;
  if (f.notAfter.length && afterOneOf(shadow, i, NOT_AFTER.get(f) ?? byCount(f.notAfter))) return false;
  return true;
}

/** The level word written at `i` (`tỉnh`, `TP.`), if any; `shadow` is shadowOf(text). */
export function levelFormAt(text: string, shadow: string, i: number): LevelForm | undefined {
  const ks0 = pairOf(codeAt(shadow, i), codeAt(shadow, i + 1));
  const kt0 = pairOf(codeAt(text, i), codeAt(text, i + 1));
  const inShadow = FORM_KEYS[ks0 & 0xffff] & 1 ? FORMS_BY_SHADOW.get(ks0) : undefined;
  const inText = FORM_KEYS[kt0 & 0xffff] & 2 ? FORMS_BY_TEXT.get(kt0) : undefined;
  let ks: number[];
  if (ANYWHERE.length === 0 && !(inShadow && inText)) {
    if (!inShadow && !inText) return undefined;
    ks = (inShadow ?? inText)!;
  } else {
    ks = [...(inShadow ?? []), ...(inText ?? []), ...ANYWHERE].sort((a, b) => a - b);
  }
  for (const k of ks) {
    const f = LEVEL_FORMS[k];
    if (formAt(text, shadow, i, f)) return f;
  }
  return undefined;
}

const hasUnits = (word: LevelWord, name: string): boolean =>
  unitsNamed(name).some((e) => e.types.some((t) => word.types.includes(t)));

/** The proper name after a level word: the longest prefix of the run the gazetteer knows, else the run. */
function nameAfter(text: string, word: LevelWord, run: Syllable[]): Syllable[] {
  if (word.types.length > 0) {
    for (let n = run.length; n >= 1; n--) {
      if (hasUnits(word, runText(text, run, 0, n - 1))) return run.slice(0, n);
    }
  }
  let name = beforeHyphen(run).slice(0, 4);
  const numbered = word.types.includes('q') || word.types.includes('p');
  if (name.length > 1 && name.at(-1)!.digits && !numbered) name = name.slice(0, -1);
  if (name.length === 1 && name[0].digits && !numbered) return [];
  return name;
}

interface Scan {
  raws: Raw[];
  /** Bare level words (no name after them), for references. */
  bare: Array<{ start: number; end: number; word: LevelWord }>;
}

const LIST_AFTER = new RegExp(`^ *(?:,|và|hoặc|hay) *([${L} ]{1,12})`);

/** Length of `^[ \u00a0]{0,2}` at `j`. */
function gapAt(text: string, j: number): number {
  let n = 0;
  while (n < 2) {
    const c = codeAt(text, j + n);
    if (c !== 0x20 && c !== 0xa0) break;
    n++;
  }
  return n;
}

// Where level forms are written (words in the shadow, abbreviations in the text): scanLevelWords
// looks only there. A space in a form stands for any white space here, which only adds places.
const LEVEL_HEADS = new Finder([false, true].map((exact) => ({
  source: '(?!)',
  onText: exact,
  heads: LEVEL_FORMS.filter((f) => f.exact === exact).map((f) => (exact ? f.form : f.folded)),
})));

/** Word starts where a level form may be written, in order; all the text's word starts when unsure. */
function levelWordCandidates(text: string, shadow: string): ArrayLike<number> {
  const words = articleWords(text, shadow);
  const inShadow = LEVEL_HEADS.positions(text, shadow, 0);
  const inText = LEVEL_HEADS.positions(text, shadow, 1);
  if (!inShadow || !inText || ANYWHERE.length > 0 || words.textStarts !== words.shadowStarts) return words.textStarts;
  return mergeSorted(inShadow, inText);
}

/** The union of two increasing lists, increasing. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i] : Infinity;
    const y = j < b.length ? b[j] : Infinity;
    const next = x <= y ? x : y;
    if (x === next) i++;
    if (y === next) j++;
    if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

function scanLevelWords(text: string, shadow: string): Scan {
  const raws: Raw[] = [];
  const bare: Scan['bare'] = [];
  let last = 0;
  // Every letter that starts a word (`(?<![W])[L]`) and may hold a level form.
  const starts = levelWordCandidates(text, shadow);
  for (let k = 0, n = starts.length; k < n; k++) {
    const i = starts[k];
    if (i < last || !isLetterCode(codeAt(text, i)) || isWordCode(codeAt(text, i - 1))) continue;
    const form = levelFormAt(text, shadow, i);
    if (!form) continue;
    const word = form.word;
    let j = i + form.form.length;
    const gap = gapAt(text, j);
    j += gap;
    const numbered = word.types.includes('q') || word.types.includes('p');
    const run = gap || form.form.endsWith('.') ? properRun(text, j, 6, numbered) : [];
    const name = run.length ? nameAfter(text, word, run) : [];
    if (name.length === 0) {
      bare.push({ start: i, end: i + form.form.length, word });
      last = i + form.form.length;
      continue;
    }
    const nameText = runText(text, name);
    // `Buôn Ma Thuột`, `Bản Lác`: a village word that starts a unit's own name is no level word.
    if (word.types.length === 0 && unitsNamed(text.slice(i, name.at(-1)!.end)).length > 0) {
      last = name.at(-1)!.end;
      continue;
    }
    const resolvable = word.types.length > 0 && hasUnits(word, nameText);
    // `Xã Hội` inside a name, `Bản Tin`: a capitalised level word mid-sentence needs a known name.
    const capitalised = !form.exact && isUpperCode(text.charCodeAt(i));
    if (!resolvable && capitalised && !atSentenceStart(text, i)) {
      last = i + form.form.length;
      continue;
    }
    raws.push({ start: i, end: name.at(-1)!.end, word, name: nameText });
    last = name.at(-1)!.end;
  }
  return { raws, bare };
}

const inside = (raws: Raw[], i: number): boolean => raws.some((r) => i >= r.start && i < r.end);

/** inside(raws, i) for fixed raws: their spans merged, looked up by binary search. */
function covered(raws: Raw[]): (i: number) => boolean {
  const spans = raws.filter((r) => r.end > r.start).map((r) => [r.start, r.end]).sort((a, b) => a[0] - b[0]);
  const merged: number[][] = [];
  for (const [a, b] of spans) {
    const top = merged.at(-1);
    if (top && a <= top[1]) top[1] = Math.max(top[1], b);
    else merged.push([a, b]);
  }
  return (i) => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (i < merged[mid][0]) hi = mid - 1;
      else if (i >= merged[mid][1]) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

// isProvince by name as written: asked for every capitalised run of every article.
const PROVINCE_NAMES = new Map<string, boolean>();
const PROVINCE_NAMES_SIZE = 50000;

function isProvince(name: string): boolean {
  let known = PROVINCE_NAMES.get(name);
  if (known === undefined) {
    known = unitsNamed(name).some((e) => e.unit.level === 'province') && !BARE_EXCLUDED.has(foldCase(name));
    if (PROVINCE_NAMES.size >= PROVINCE_NAMES_SIZE) PROVINCE_NAMES.clear();
    PROVINCE_NAMES.set(name, known);
  }
  return known;
}
const isDistrict = (name: string): boolean => unitsNamed(name).some((e) => e.unit.level === 'district');

/** `(Bắc Kạn)`, `(tỉnh Thái Nguyên)` right after a place: link it as the parent. */
function linkParentheses(text: string, raws: Raw[]): void {
  for (const raw of [...raws]) {
    const open = /^ ?\( ?/u.exec(text.slice(raw.end, raw.end + 3));
    if (!open) continue;
    const at = raw.end + open[0].length;
    const existing = raws.findIndex((r) => r.start === at);
    if (existing >= 0) {
      raw.parent = existing;
      continue;
    }
    const run = beforeHyphen(properRun(text, at, 5));
    if (!run.length) continue;
    const close = /^ ?\)/u.exec(text.slice(run.at(-1)!.end, run.at(-1)!.end + 2));
    const name = runText(text, run);
    if (!close || (!isProvince(name) && !isDistrict(name))) continue;
    raws.push({ start: at, end: run.at(-1)!.end, name, asParent: true });
    raw.parent = raws.length - 1;
  }
}

/** Bare province names: a whole run of capitalised syllables that is a province (`Hải Dương:`). */
function scanBareProvinces(text: string, shadow: string, raws: Raw[]): void {
  const found: Raw[] = [];
  let last = 0;
  const taken = covered(raws);
  // Every letter not right after a word character or an apostrophe (`(?<![W'’])[L]`); only capitals matter.
  const starts = articleWords(text, shadow).capitalStarts;
  for (let k = 0, n = starts.length; k < n; k++) {
    const i = starts[k];
    if (i < last || !isLetterCode(text.charCodeAt(i)) || !isUpperCode(text.charCodeAt(i))) continue;
    const before = codeAt(text, i - 1);
    if (before === 0x27 || before === 0x2019 || taken(i)) continue;
    // Most capitals start a run of one word (`Theo`, `Trong`): asked of the gazetteer as it is.
    const sole = soleSyllableEnd(text, i);
    if (sole >= 0) {
      last = sole;
      const name = text.slice(i, sole);
      if (isProvince(name)) found.push({ start: i, end: sole, name });
      continue;
    }
    let run = properRun(text, i, 7);
    const cut = run.findIndex((s) => taken(s.start));
    if (cut >= 0) run = run.slice(0, cut);
    if (!run.length) continue;
    last = run.at(-1)!.end;
    const hit = provinceIn(text, run);
    if (hit) found.push({ start: hit[0].start, end: hit.at(-1)!.end, name: runText(text, hit) });
  }
  raws.push(...found);
}

const isProvinceRun = (text: string, run: Syllable[]): boolean =>
  run.length > 0 && !run.some((s) => s.digits) && isProvince(runText(text, run));

/** The whole run, the part before ` - `, or the run without a capitalised first word of a sentence: the first that is a province. */
function provinceIn(text: string, run: Syllable[]): Syllable[] | undefined {
  if (isProvinceRun(text, run)) return run;
  const head = beforeHyphen(run); // the run itself when it has no hyphen: no need to ask twice
  if (head !== run && isProvinceRun(text, head)) return head;
  if (run.length > 1 && atSentenceStart(text, run[0].start)) {
    const rest = beforeHyphen(run.slice(1));
    if (isProvinceRun(text, rest)) return rest;
  }
  return undefined;
}

// `cả nước` on the shadow, `Việt Nam` as written.
const NATIONAL_FINDER = new Finder([
  { source: NATIONAL_RE.source, heads: headsOf(words.national.forms, phraseHeads) },
  { source: NATIONAL_EXACT_RE.source, onText: true, heads: headsOf(words.national.exactForms, exactHeads) },
]);

function scanNational(text: string, shadow: string, raws: Raw[]): void {
  NATIONAL_FINDER.run(text, shadow, (m) => {
    if (!inside(raws, m.index)) raws.push({ start: m.index, end: m.index + m[0].length, name: m[0], national: true });
  });
}

const rankOf = (raw: Raw): number => (raw.national ? RANK.national : raw.word ? RANK[raw.word.level] : raw.asParent ? RANK.district : RANK.province);

/** `xã Cư Suê, huyện Cư M’gar, tỉnh Đắk Lắk`: each next, higher-level place is the parent. */
function linkCommaChains(text: string, raws: Raw[]): void {
  const sorted = raws.map((r, k) => [r, k] as const).sort((a, b) => a[0].start - b[0].start);
  for (let n = 0; n + 1 < sorted.length; n++) {
    const [raw] = sorted[n];
    const [next, k] = sorted[n + 1];
    if (raw.parent !== undefined || raw.national || next.national) continue;
    if (!/^ ?, ?$/u.test(text.slice(raw.end, next.start))) continue;
    if (rankOf(next) > rankOf(raw)) raw.parent = k;
  }
}

interface Resolved {
  place?: Place;
  unit?: Unit;
  candidates: number;
}

// resolveParsed and toPlace results by what they depend on: the date and the context (one map per
// pair, looked up once per article), the level word, the name, and the parent as resolveParsed sees
// it (through unitOfPlace: code, era, level, until). The Resolved and Place objects are shared:
// mentions copy them, parents are only read.
const RESOLVED = new Map<string, ResolvedCache>();
const RESOLVED_SIZE = 20000;
let resolvedCount = 0;
const WORD_INDEX = new Map(LEVEL_WORDS.map((w, k) => [w, k]));
const unitKey = (p: Place | undefined): string => (p ? `${p.code}|${p.era}|${p.level}|${p.until ?? ''}` : '-');
// unitKey of the (shared, unchanging) parent places.
const UNIT_KEYS = new WeakMap<Place, string>();

function parentKey(parent: Place | undefined): string {
  if (!parent) return '-';
  let key = UNIT_KEYS.get(parent);
  if (key === undefined) UNIT_KEYS.set(parent, (key = unitKey(parent)));
  return key;
}

/** Results cached for one date and context, by name, then by `${word}|${asParent}|${parentKey(parent)}`. */
type ResolvedCache = Map<string, Map<string, Resolved>>;

/** The results cached for one date and context: `contextKey` is `${at}\u0001${unitKey(context)}`. */
function resolvedIn(contextKey: string): ResolvedCache {
  let cache = RESOLVED.get(contextKey);
  if (!cache) RESOLVED.set(contextKey, (cache = new Map()));
  return cache;
}

function resolveUnit(raw: Raw, at: string | undefined, context: Place | undefined, cache: ResolvedCache, parent: Place | undefined): Resolved {
  const word = raw.word ? WORD_INDEX.get(raw.word) ?? -2 : -1;
  // Keys in two parts: the name (a new string each time, hashed once) and short strings seen before.
  const byName = word === -2 ? undefined : cache.get(raw.name);
  const key = `${word}|${raw.asParent ? 1 : 0}|${parentKey(parent)}`;
  const cached = byName?.get(key);
  if (cached) return cached;
  const r = resolveParsed(
    { word: raw.word, name: raw.name },
    { publishedAt: at, context, parent, bareDistricts: raw.asParent },
  );
  const result: Resolved = { unit: r.unit, place: r.unit ? toPlace(r.unit, at) : undefined, candidates: r.candidates.length };
  if (word !== -2) {
    if (resolvedCount >= RESOLVED_SIZE) {
      RESOLVED.clear(); // this article's map lives on until it ends
      resolvedCount = 0;
    }
    if (byName) byName.set(key, result);
    else cache.set(raw.name, new Map([[key, result]]));
    resolvedCount++;
  }
  return result;
}

function resolveAll(raws: Raw[], at: string | undefined, context: Unit | undefined): Resolved[] {
  const memo = new Map<number, Resolved>();
  const contextPlace = context ? toPlace(context) : undefined;
  const cache = resolvedIn(`${at ?? ''}\u0001${unitKey(contextPlace)}`);
  const resolveOne = (k: number, depth = 0): Resolved => {
    const cached = memo.get(k);
    if (cached) return cached;
    const raw = raws[k];
    let result: Resolved;
    if (raw.national) result = { place: { ...NATIONAL }, candidates: 1 };
    else {
      const parent = raw.parent !== undefined && depth < 4 ? resolveOne(raw.parent, depth + 1).place : undefined;
      if (raw.word && raw.word.types.length === 0) {
        const place: Place = { name: unresolvedName(raw.word, raw.name), level: 'village' };
        if (parent) {
          place.parent = parent.name;
          if (parent.currentProvince) place.currentProvince = parent.currentProvince;
          if (parent.currentProvinceCode) place.currentProvinceCode = parent.currentProvinceCode;
        }
        result = { place, candidates: 0 };
      } else {
        result = resolveUnit(raw, at, contextPlace, cache, parent);
      }
    }
    memo.set(k, result);
    return result;
  };
  return raws.map((_, k) => resolveOne(k));
}

/** The article's place when not given: the unit named most often (first named on a tie). */
function inferContext(raws: Raw[], resolved: Resolved[]): Unit | undefined {
  const counts = new Map<Unit, { n: number; first: number }>();
  resolved.forEach((r, k) => {
    if (!r.unit) return;
    const c = counts.get(r.unit) ?? { n: 0, first: raws[k].start };
    c.n++;
    counts.set(r.unit, c);
  });
  let best: Unit | undefined;
  let bestC = { n: 0, first: Infinity };
  for (const [unit, c] of counts) {
    if (c.n > bestC.n || (c.n === bestC.n && c.first < bestC.first)) [best, bestC] = [unit, c];
  }
  return best;
}

const REF = words.references;
const REF_WORDS = new Set(REF.words.map(foldCase));
const REF_NOT_AFTER = byCount(REF.notAfter.map(foldCase));
const REF_NOT_BEFORE = REF.notBefore.map(foldCase);
const LEVEL_KEYS = new Set(LEVEL_FORMS.filter((f) => !f.exact).map((f) => f.folded));
const LEVEL_KEY_LIST = [...LEVEL_KEYS];

/** Bare level words that stand for the article's own unit, filtered for lists and compounds. */
function referenceWords(shadow: string, bare: Scan['bare']): Scan['bare'] {
  return bare.filter(({ start, end, word }) => {
    if (!REF_WORDS.has(word.canonical)) return false;
    if (afterOneOf(shadow, start, REF_NOT_AFTER)) return false;
    const after = shadow.slice(end, end + 20).trimStart();
    if (REF_NOT_BEFORE.some((w) => after.startsWith(w) && !isWordChar(after[w.length]))) return false;
    // Enumerations of levels (`các huyện, thị xã, thành phố`, `tỉnh, thành phố`) are not references.
    const before = /(?:,|\bvà|\bhoặc|\bhay) *$/u.exec(shadow.slice(Math.max(0, start - 8), start));
    if (before && [1, 2].some((n) => LEVEL_KEYS.has(wordBefore(shadow, start - before[0].length, n)))) return false;
    const list = LIST_AFTER.exec(shadow.slice(end, end + 20));
    if (list && LEVEL_KEY_LIST.some((k) => list[1].startsWith(k))) return false;
    return true;
  });
}

/**
 * Adds the place's fields but name and level, in the place's key order: what `{ ...mention, ...rest }`
 * does, with named stores (a spread or a store by computed key costs microseconds here).
 */
function addPlace(m: PlaceMention, place: Place): void {
  for (const key of Object.keys(place)) {
    switch (key) {
      case 'name': case 'level': break;
      case 'code': m.code = place.code; break;
      case 'era': m.era = place.era; break;
      case 'parent': m.parent = place.parent; break;
      case 'province': m.province = place.province; break;
      case 'until': m.until = place.until; break;
      case 'currentProvince': m.currentProvince = place.currentProvince; break;
      case 'currentProvinceCode': m.currentProvinceCode = place.currentProvinceCode; break;
      default: m[key] = place[key as keyof Place];
    }
  }
}

function toMention(text: string, raw: Raw, r: Resolved): PlaceMention {
  const base = { kind: 'place' as const, text: text.slice(raw.start, raw.end), start: raw.start, end: raw.end };
  if (r.place) {
    const mention = {
      kind: 'place', text: base.text, start: raw.start, end: raw.end, canonical: r.place.name, level: r.place.level,
    } as PlaceMention;
    addPlace(mention, r.place);
    mention.resolved = r.place.level !== 'village';
    return mention;
  }
  const level: PlaceLevel = raw.word ? raw.word.level : 'province';
  const canonical = raw.word ? unresolvedName(raw.word, raw.name) : raw.name;
  const mention: PlaceMention = { ...base, canonical, level, resolved: false };
  if (r.candidates > 1) mention.ambiguous = r.candidates;
  return mention;
}

/** What scanPlaces returns: the mentions and the article's place they were resolved against. */
export interface PlaceScan {
  mentions: PlaceMention[];
  context?: Unit;
  shadow: string;
}

/** findPlaces plus the article's place (given or inferred), for the other entity matchers. Text in NFC. */
export function scanPlaces(text: string, options: FindPlacesOptions = {}): PlaceScan {
  const shadow = shadowOf(text);
  const at = isoDay(options.publishedAt);
  const { raws, bare } = scanLevelWords(text, shadow);
  linkParentheses(text, raws);
  scanBareProvinces(text, shadow, raws);
  scanNational(text, shadow, raws);
  linkCommaChains(text, raws);
  let context = contextUnit(options.contextPlace, at);
  let resolved = resolveAll(raws, at, context);
  if (!context) {
    context = inferContext(raws, resolved);
    if (context) resolved = resolveAll(raws, at, context);
  }
  const mentions = raws.map((raw, k) => toMention(text, raw, resolved[k]));
  if (options.references && context) {
    // Places by level word: an article refers to its own `tỉnh`, `huyện` again and again.
    const referenced = new Map<LevelWord, Place | undefined>();
    for (const ref of referenceWords(shadow, bare)) {
      let place = referenced.get(ref.word);
      if (!referenced.has(ref.word)) {
        const unit = referencedUnit(ref.word, context, at);
        referenced.set(ref.word, (place = unit ? toPlace(unit, at) : undefined));
      }
      if (!place) continue;
      const mention = {
        kind: 'place', text: text.slice(ref.start, ref.end), start: ref.start, end: ref.end, canonical: place.name, level: place.level,
      } as PlaceMention;
      addPlace(mention, place);
      mention.resolved = true;
      mention.reference = true;
      mentions.push(mention);
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { mentions, context, shadow };
}

/**
 * Places in `text`, in order, each with its offsets, level and resolved unit (code, parent,
 * post-2025 province). Offsets point into `text` as given, even when it is not NFC.
 */
export function findPlaces(text: string, options: FindPlacesOptions = {}): PlaceMention[] {
  const nfc = toNfc(text);
  return fromNfc(scanPlaces(nfc?.text ?? text, options).mentions, nfc, text);
}

/** The article's place: the given one resolved, else the most-mentioned place in the text. */
export function articlePlace(text: string, options: FindPlacesOptions = {}): Place | undefined {
  const { context } = scanPlaces(text, { ...options, references: false });
  return context ? toPlace(context, isoDay(options.publishedAt)) : undefined;
}
