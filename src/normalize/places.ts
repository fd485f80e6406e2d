// Place names -> gazetteer units: level words (`huyện`, `TP.`), parents (`huyện Bạch Thông (Bắc Kạn)`),
// same-name units (`tỉnh Thái Nguyên` vs `thành phố Thái Nguyên`), the article's place and date.
import words from '../data/place-words.json' with { type: 'json' };
import {
  MERGER_DATE, currentProvinceOf, parentOf, toPlace, unitOfPlace, unitsNamed, typeAt, unitName, isWithin,
  type Place, type PlaceLevel, type Unit, type UnitType,
} from './gazetteer.js';
import { displayName } from './names.js';
import { foldCase } from './text.js';

/** A level word: what it says about the unit after it. Villages have no gazetteer types. */
export interface LevelWord {
  /** Display form: `thành phố` for `TP.`. */
  canonical: string;
  level: PlaceLevel;
  types: UnitType[];
}

/** One written form of a level word, for scanners. */
export interface LevelForm {
  form: string;
  /** foldCase(form), for comparing with a shadow text. */
  folded: string;
  /** Abbreviations (`TP`, `TX.`) match only as written; words match in any case. */
  exact: boolean;
  word: LevelWord;
  /** Words that, just before the form, make it part of another word (`văn bản`). */
  notAfter: string[];
}

interface LevelWordData {
  canonical: string;
  level: string;
  types?: string[];
  forms: string[];
  exactForms?: string[];
  notAfter?: string[];
}

export const LEVEL_WORDS: LevelWord[] = [];
/** All forms, longest first. */
export const LEVEL_FORMS: LevelForm[] = [];
for (const w of words.levelWords as LevelWordData[]) {
  const word: LevelWord = { canonical: w.canonical, level: w.level as PlaceLevel, types: (w.types ?? []) as UnitType[] };
  LEVEL_WORDS.push(word);
  const notAfter = (w.notAfter ?? []).map(foldCase);
  for (const form of w.forms) LEVEL_FORMS.push({ form, folded: foldCase(form), exact: false, word, notAfter });
  for (const form of w.exactForms ?? []) LEVEL_FORMS.push({ form, folded: form, exact: true, word, notAfter });
}
LEVEL_FORMS.sort((a, b) => b.form.length - a.form.length);

/** The level word written as `text` (`TP.`, `Huyện`, `thị xã`), if it is one. */
export function levelWordOf(text: string): LevelWord | undefined {
  const t = text.trim();
  const folded = foldCase(t);
  return LEVEL_FORMS.find((f) => (f.exact ? f.form === t : f.folded === folded))?.word;
}

/** The country, for `cả nước`, `toàn quốc`, `Việt Nam`. */
export const NATIONAL: Place = { name: words.national.canonical, level: 'national', code: words.national.code };

const NATIONAL_KEYS = new Set([...words.national.forms, ...words.national.exactForms].map(foldCase));

/** A place name split into its parts. */
export interface ParsedPlace {
  word?: LevelWord;
  /** Proper name as written, without level word or parent; empty for a bare level word. */
  name: string;
  /** Parent as written: `Bắc Kạn` in `huyện Bạch Thông (Bắc Kạn)`, `tỉnh Đắk Lắk` after a comma. */
  parent?: string;
}

/** Split `huyện Bạch Thông (Bắc Kạn)` into level word, name and parent. */
export function parsePlace(text: string): ParsedPlace {
  let rest = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  let parent: string | undefined;
  const paren = /^(.*?)\s*\(([^()]+)\)$/u.exec(rest);
  if (paren) {
    rest = paren[1];
    parent = paren[2].trim();
  } else {
    const comma = rest.indexOf(',');
    if (comma > 0) {
      parent = rest.slice(comma + 1).trim();
      rest = rest.slice(0, comma).trim();
    }
  }
  for (const f of LEVEL_FORMS) {
    const head = rest.slice(0, f.form.length);
    const matches = f.exact ? head === f.form : foldCase(head) === f.folded;
    if (!matches) continue;
    const after = rest.slice(f.form.length);
    // `TP.HCM`: a form ending in a dot may touch the name; other forms need a space or the end.
    if (after && !/^\s/u.test(after) && !f.form.endsWith('.')) continue;
    return { word: f.word, name: after.trim(), parent };
  }
  return { name: rest, parent };
}

/** What a lookup may use besides the name. */
export interface ResolveOptions {
  /** The article's place (name or Place): narrows same-name units to those inside it. */
  context?: string | Place;
  /** Article date (ISO): picks the list in force (before or after 1 July 2025), drops dissolved units. */
  publishedAt?: string;
  /** Parent named with the place; also read from the text (`(Bắc Kạn)`, `, tỉnh Đắk Lắk`). */
  parent?: string | Place;
  /** Bare names (no level word) may also be districts: parents in parentheses (`Xã Nam Thanh (Nam Trực)`). */
  bareDistricts?: boolean;
}

/** Result of resolving one name: the unit when it is certain, and every unit it could be. */
export interface Resolution {
  unit?: Unit;
  candidates: Unit[];
}

/** `2023-12-13T15:38:00+07:00` -> `2023-12-13`; undefined when not a date. */
export function isoDay(value: string | undefined): string | undefined {
  const m = value ? /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value.trim()) : null;
  return m ? `${m[1]}-${m[2]}-${m[3] ?? '01'}` : undefined;
}

/** Narrow `list` by `test` only when something is left: a filter that never empties the list. */
function prefer<T>(list: T[], test: (item: T) => boolean): T[] {
  const kept = list.filter(test);
  return kept.length > 0 ? kept : list;
}

/** Resolve a context given as a name or a Place to a unit. */
export function contextUnit(context: string | Place | undefined, publishedAt?: string): Unit | undefined {
  if (!context) return undefined;
  if (typeof context !== 'string') return unitOfPlace(context);
  const parsed = parsePlace(context);
  return resolveParsed(parsed, { publishedAt }).unit;
}

function parentUnits(parent: string | Place, options: ResolveOptions): Unit[] {
  if (typeof parent !== 'string') {
    const unit = unitOfPlace(parent);
    return unit ? [unit] : [];
  }
  const parsed = parsePlace(parent);
  const found = resolveParsed(parsed, { publishedAt: options.publishedAt, bareDistricts: true });
  return found.unit ? [found.unit] : found.candidates;
}

/** Candidates for a level word + name, before any narrowing. */
function candidatesFor(word: LevelWord | undefined, name: string, bareDistricts: boolean): Unit[] {
  const entries = unitsNamed(name);
  const kept = word
    ? entries.filter((e) => e.types.some((t) => word.types.includes(t)))
    : entries.filter((e) => e.unit.level === 'province' || (bareDistricts && e.unit.level === 'district'));
  return [...new Set(kept.map((e) => e.unit))];
}

/** Resolve a parsed place name to gazetteer units. */
export function resolveParsed(parsed: ParsedPlace, options: ResolveOptions = {}): Resolution {
  const { word, name } = parsed;
  if (!name || (word && word.types.length === 0)) return { candidates: [] };
  const at = isoDay(options.publishedAt);
  const context = contextUnit(options.context, at);
  // `Thái Nguyên` alone is the province, unless the article is about the city of that name.
  if (!word && context && context.level !== 'province' && foldCase(context.name) === foldCase(name)) {
    return { unit: context, candidates: [context] };
  }
  let units = candidatesFor(word, name, options.bareDistricts ?? false);
  if (units.length === 0) return { candidates: [] };
  const all = units;
  // Dissolved units only for articles from before they ceased to exist, and then they win:
  // `thành phố Huế` in 2023 is the provincial city, not the centrally-run city of 2025.
  units = at ? prefer(prefer(units, (u) => !u.until || at < u.until), (u) => !!u.until) : prefer(units, (u) => !u.until);
  const parent = options.parent ?? parsed.parent;
  if (parent) {
    const parents = parentUnits(parent, options);
    units = prefer(units, (u) => parents.some((p) => isWithin(u, p) || sameProvinceAcrossEras(u, p)));
  }
  if (context) {
    // Widest first, so each step can only narrow: new province, old province, the unit itself.
    const current = currentProvinceOf(context);
    units = prefer(units, (u) => isWithin(u, current));
    const province = context.level === 'province' ? context : provinceChain(context).at(-1);
    if (province) units = prefer(units, (u) => isWithin(u, province) || u === province);
    units = prefer(units, (u) => u === context || isWithin(u, context));
  }
  const era = at && at >= MERGER_DATE ? 'new' : 'old';
  units = prefer(units, (u) => u.era === era);
  // `thành phố X` for both a centrally-run city and a provincial city: the centrally-run one.
  units = prefer(units, (u) => u.level === 'province');
  return { unit: units.length === 1 ? units[0] : undefined, candidates: units.length === 1 ? units : all.filter((u) => units.includes(u)) };
}

// An old province named as parent of a new-era unit (or the reverse) still locates it.
function sameProvinceAcrossEras(unit: Unit, parent: Unit): boolean {
  return parent.level === 'province' && unit.newProvinceCode === currentProvinceOf(parent).code && parent.era !== unit.era;
}

/** The unit and its same-era ancestors, nearest first. */
function provinceChain(unit: Unit): Unit[] {
  const chain: Unit[] = [];
  for (let u: Unit | undefined = unit; u; u = parentOf(u)) chain.push(u);
  return chain;
}

/**
 * Look a place up: `huyện Bạch Thông`, `Thanh Hoá`, `TP.HCM`, `huyện Bạch Thông (Bắc Kạn)`,
 * `xã Cư Suê, huyện Cư M'gar, tỉnh Đắk Lắk`, `cả nước`. Bare names are provinces. Returns undefined
 * when the name is unknown or names several units that neither parent nor context tell apart.
 */
export function lookupPlace(text: string, options: ResolveOptions = {}): Place | undefined {
  if (NATIONAL_KEYS.has(foldCase(text.trim()))) return { ...NATIONAL };
  const parsed = parsePlace(text);
  const at = isoDay(options.publishedAt);
  if (parsed.word && !parsed.name) {
    const context = contextUnit(options.context, at);
    return context ? referencedPlace(parsed.word, context, at) : undefined;
  }
  if (parsed.word && parsed.word.types.length === 0) return villagePlace(parsed, options);
  const { unit } = resolveParsed(parsed, options);
  return unit ? toPlace(unit, at) : undefined;
}

/** Every unit a name could be after parent and context narrowing, as Places. */
export function placeCandidates(text: string, options: ResolveOptions = {}): Place[] {
  const at = isoDay(options.publishedAt);
  return resolveParsed(parsePlace(text), options).candidates.map((u) => toPlace(u, at));
}

/** A village-level place (`thôn Nà Pài`): not in the gazetteer; parent from the text when known. */
export function villagePlace(parsed: ParsedPlace, options: ResolveOptions = {}): Place {
  const place: Place = { name: `${parsed.word!.canonical} ${displayName(parsed.name)}`, level: 'village' };
  const parentText = options.parent ?? parsed.parent;
  if (parentText) {
    const parent = typeof parentText === 'string' ? lookupPlace(parentText, { ...options, parent: undefined }) : parentText;
    if (parent) {
      place.parent = parent.name;
      if (parent.currentProvince) place.currentProvince = parent.currentProvince;
      if (parent.currentProvinceCode) place.currentProvinceCode = parent.currentProvinceCode;
    }
  }
  return place;
}

/**
 * The unit a bare level word refers to, given the article's place: `tỉnh` in an article about
 * `huyện Bạch Thông` is `tỉnh Bắc Kạn`; `thành phố` in one about `thành phố Thái Nguyên` is that city.
 */
export function referencedUnit(word: LevelWord, context: Unit, at?: string): Unit | undefined {
  return provinceChain(context).find((u) => word.types.includes(typeAt(u, u.era === 'new' ? at : undefined)));
}

/** referencedUnit as a Place. */
export function referencedPlace(word: LevelWord, context: Unit, at?: string): Place | undefined {
  const unit = referencedUnit(word, context, at);
  return unit ? toPlace(unit, at) : undefined;
}

/** Canonical name for a place the gazetteer does not know: level word + the name as published. */
export function unresolvedName(word: LevelWord, name: string): string {
  return `${word.canonical} ${displayName(name)}`;
}

export { unitName };
