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
  LEVEL_FORMS, NATIONAL, contextUnit, isoDay, referencedUnit, resolveParsed, unresolvedName,
  type LevelForm, type LevelWord,
} from '../../normalize/places.js';
import { foldCase } from '../../normalize/text.js';
import {
  L, NO_WORD_AFTER, NO_WORD_BEFORE, W, atSentenceStart, beforeHyphen, exactSource, isUpper, isWordChar, phrasesRegex, properRun, runText,
  shadowOf, wordBefore,
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
const BARE_EXCLUDED = new Set(['hồ chí minh']); // a person's name far more often than the city without `TP`
const NATIONAL_RE = phrasesRegex(words.national.forms);
const NATIONAL_EXACT_RE = new RegExp(`${NO_WORD_BEFORE}(?:${words.national.exactForms.map(exactSource).join('|')})${NO_WORD_AFTER}`, 'g');

/** The level word written at `i` (`tỉnh`, `TP.`), if any; `shadow` is shadowOf(text). */
export function levelFormAt(text: string, shadow: string, i: number): LevelForm | undefined {
  for (const f of LEVEL_FORMS) {
    const hit = f.exact ? text.startsWith(f.form, i) : shadow.startsWith(f.folded, i);
    if (!hit) continue;
    const endsWithDot = f.form.endsWith('.');
    if (!endsWithDot && isWordChar(text[i + f.form.length])) continue;
    if (f.notAfter.length && f.notAfter.some((w) => wordBefore(shadow, i, w.split(' ').length) === w)) continue;
    return f;
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

const WORD_START = new RegExp(`${NO_WORD_BEFORE}[${L}]`, 'g');
const CAP_START = new RegExp(`(?<![${W}'’])[${L}]`, 'g');
const LIST_AFTER = new RegExp(`^ *(?:,|và|hoặc|hay) *([${L} ]{1,12})`);

function scanLevelWords(text: string, shadow: string): Scan {
  const raws: Raw[] = [];
  const bare: Scan['bare'] = [];
  const wordStart = WORD_START;
  wordStart.lastIndex = 0;
  let last = 0;
  for (let m = wordStart.exec(text); m; m = wordStart.exec(text)) {
    const i = m.index;
    if (i < last) continue;
    const form = levelFormAt(text, shadow, i);
    if (!form) continue;
    const word = form.word;
    let j = i + form.form.length;
    const gap = /^[ \u00a0]{0,2}/u.exec(text.slice(j, j + 2))![0];
    j += gap.length;
    const numbered = word.types.includes('q') || word.types.includes('p');
    const run = gap || form.form.endsWith('.') ? properRun(text, j, 6, numbered) : [];
    const name = run.length ? nameAfter(text, word, run) : [];
    if (name.length === 0) {
      bare.push({ start: i, end: i + form.form.length, word });
      last = i + form.form.length;
      continue;
    }
    const nameText = runText(text, name);
    const resolvable = word.types.length > 0 && hasUnits(word, nameText);
    // `Xã Hội` inside a name, `Bản Tin`: a capitalised level word mid-sentence needs a known name.
    const written = text.slice(i, i + form.form.length);
    const capitalised = !form.exact && written[0] !== written[0].toLocaleLowerCase('vi');
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

const isProvince = (name: string): boolean =>
  !BARE_EXCLUDED.has(foldCase(name)) && unitsNamed(name).some((e) => e.unit.level === 'province');
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
function scanBareProvinces(text: string, raws: Raw[]): void {
  const found: Raw[] = [];
  const capStart = CAP_START;
  capStart.lastIndex = 0;
  let last = 0;
  for (let m = capStart.exec(text); m; m = capStart.exec(text)) {
    const i = m.index;
    if (i < last || !isUpper(text[i]) || inside(raws, i)) continue;
    let run = properRun(text, i, 7);
    const cut = run.findIndex((s) => inside(raws, s.start));
    if (cut >= 0) run = run.slice(0, cut);
    if (!run.length) continue;
    last = run.at(-1)!.end;
    // The whole run, the part before ` - `, or the run without a capitalised first word of a sentence.
    const tries: Syllable[][] = [run, beforeHyphen(run)];
    if (atSentenceStart(text, i) && run.length > 1) tries.push(beforeHyphen(run.slice(1)));
    const hit = tries.find((t) => t.length > 0 && !t.some((s) => s.digits) && isProvince(runText(text, t)));
    if (hit) found.push({ start: hit[0].start, end: hit.at(-1)!.end, name: runText(text, hit) });
  }
  raws.push(...found);
}

function scanNational(text: string, shadow: string, raws: Raw[]): void {
  for (const re of [NATIONAL_RE, NATIONAL_EXACT_RE]) {
    re.lastIndex = 0;
    const src = re === NATIONAL_RE ? shadow : text;
    for (let m = re.exec(src); m; m = re.exec(src)) {
      if (!inside(raws, m.index)) raws.push({ start: m.index, end: m.index + m[0].length, name: m[0], national: true });
    }
  }
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

function resolveAll(raws: Raw[], at: string | undefined, context: Unit | undefined): Resolved[] {
  const memo = new Map<number, Resolved>();
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
        if (parent) Object.assign(place, { parent: parent.name, currentProvince: parent.currentProvince, currentProvinceCode: parent.currentProvinceCode });
        result = { place, candidates: 0 };
      } else {
        const r = resolveParsed(
          { word: raw.word, name: raw.name },
          { publishedAt: at, context: context ? toPlace(context) : undefined, parent, bareDistricts: raw.asParent },
        );
        result = { unit: r.unit, place: r.unit ? toPlace(r.unit, at) : undefined, candidates: r.candidates.length };
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
const REF_NOT_AFTER = REF.notAfter.map(foldCase);
const REF_NOT_BEFORE = REF.notBefore.map(foldCase);
const LEVEL_KEYS = new Set(LEVEL_FORMS.filter((f) => !f.exact).map((f) => f.folded));

/** Bare level words that stand for the article's own unit, filtered for lists and compounds. */
function referenceWords(text: string, shadow: string, bare: Scan['bare']): Scan['bare'] {
  return bare.filter(({ start, end, word }) => {
    if (!REF_WORDS.has(word.canonical)) return false;
    if (REF_NOT_AFTER.some((w) => wordBefore(shadow, start, w.split(' ').length) === w)) return false;
    const after = shadow.slice(end, end + 20).trimStart();
    if (REF_NOT_BEFORE.some((w) => after.startsWith(w) && !isWordChar(after[w.length]))) return false;
    // Enumerations of levels (`các huyện, thị xã, thành phố`, `tỉnh, thành phố`) are not references.
    const before = /(?:,|\bvà|\bhoặc|\bhay) *$/u.exec(shadow.slice(Math.max(0, start - 8), start));
    if (before && LEVEL_KEYS.has(wordBefore(shadow, start - before[0].length, 1)) ) return false;
    if (before && LEVEL_KEYS.has(wordBefore(shadow, start - before[0].length, 2))) return false;
    const list = LIST_AFTER.exec(shadow.slice(end, end + 20));
    if (list && [...LEVEL_KEYS].some((k) => list[1].startsWith(k))) return false;
    return true;
  });
}

function toMention(text: string, raw: Raw, r: Resolved): PlaceMention {
  const base = { kind: 'place' as const, text: text.slice(raw.start, raw.end), start: raw.start, end: raw.end };
  if (r.place) {
    const { name, level, ...rest } = r.place;
    return { ...base, canonical: name, level, ...rest, resolved: r.place.level !== 'village' };
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

/** findPlaces plus the article's place (given or inferred), for the other entity matchers. */
export function scanPlaces(text: string, options: FindPlacesOptions = {}): PlaceScan {
  const shadow = shadowOf(text);
  const at = isoDay(options.publishedAt);
  const { raws, bare } = scanLevelWords(text, shadow);
  linkParentheses(text, raws);
  scanBareProvinces(text, raws);
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
    for (const ref of referenceWords(text, shadow, bare)) {
      const unit = referencedUnit(ref.word, context, at);
      if (!unit) continue;
      const { name, level, ...rest } = toPlace(unit, at);
      mentions.push({
        kind: 'place', text: text.slice(ref.start, ref.end), start: ref.start, end: ref.end,
        canonical: name, level, ...rest, resolved: true, reference: true,
      });
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { mentions, context, shadow };
}

/**
 * Places in `text`, in order, each with its offsets, level and resolved unit (code, parent,
 * post-2025 province). Text is expected in NFC (offsets refer to the text as given).
 */
export function findPlaces(text: string, options: FindPlacesOptions = {}): PlaceMention[] {
  return scanPlaces(text, options).mentions;
}

/** The article's place: the given one resolved, else the most-mentioned place in the text. */
export function articlePlace(text: string, options: FindPlacesOptions = {}): Place | undefined {
  const { context } = scanPlaces(text, { ...options, references: false });
  return context ? toPlace(context, isoDay(options.publishedAt)) : undefined;
}
