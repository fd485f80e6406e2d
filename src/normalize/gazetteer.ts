// Vietnam's administrative units, shipped as data (src/data/gazetteer.json, built by
// scripts/build-gazetteer.mjs): the 63 provinces, 696 districts and 10 047 communes of the list in
// force before 1 July 2025 (era `old`), the 34 provinces and 3 321 communes after it (era `new`),
// and which new unit each old one went into. Pure: the data is imported, never read from disk.
import data from '../data/gazetteer.json' with { type: 'json' };
import words from '../data/place-words.json' with { type: 'json' };
import { nameKey, nameKeys, squash, squashKey } from './names.js';

export type Era = 'old' | 'new';
export type UnitType = 't' | 'tp' | 'h' | 'q' | 'tx' | 'x' | 'p' | 'tt' | 'dk';
export type PlaceLevel = 'national' | 'province' | 'district' | 'commune' | 'village';
export type UnitLevel = 'province' | 'district' | 'commune';

/** First day of the new list: the 2025 merger. */
export const MERGER_DATE = data.effective.new;
/** From this day the later types apply (Đồng Nai a city, ten of its communes wards). */
export const UPDATE_DATE = data.effective.newUpdated;

/** One administrative unit of the gazetteer. */
export interface Unit {
  code: string;
  /** Bare name, as in the official list (tone marks in one style): `Bạch Thông`. */
  name: string;
  type: UnitType;
  level: UnitLevel;
  era: Era;
  /** Same-era parent: the district of an old commune, the province of a district or a new commune. */
  parentCode?: string;
  /** Same-era province (its own code for a province). */
  provinceCode: string;
  /** Province after 1 July 2025. */
  newProvinceCode: string;
  /** Type from 30/04/2026 when it changed. */
  laterType?: UnitType;
  /** New units an old commune went into, comma-separated codes. */
  successorCodes?: string;
  /** Historical units only: the day the unit ceased to exist, and its province's name then. */
  until?: string;
  provinceName?: string;
}

/** A place as the lookups return it. Names carry their level word: `huyện Bạch Thông`. */
export interface Place {
  name: string;
  level: PlaceLevel;
  /** Official code (2 digits province, 3 district, 5 commune) within its era. */
  code?: string;
  era?: Era;
  /** Parent unit: `tỉnh Bắc Kạn` for `huyện Bạch Thông`, `huyện Bạch Thông` for one of its communes. */
  parent?: string;
  /** Province the unit belonged to in its own era. */
  province?: string;
  /** Province it belongs to after the 1 July 2025 merger. */
  currentProvince?: string;
  currentProvinceCode?: string;
  /** Historical units: the day the unit ceased to exist. */
  until?: string;
}

const TYPE_WORDS = data.types as Record<UnitType, string>;

/** The level word of a unit type: `huyện`, `thành phố`. */
export function typeWord(type: UnitType): string {
  return TYPE_WORDS[type];
}

/** Index entry: the unit and the types a level word may give it (`tỉnh Thừa Thiên Huế` is 46). */
export interface NameEntry {
  unit: Unit;
  types: UnitType[];
}

interface Index {
  old: Map<string, Unit>;
  new: Map<string, Unit>;
  byName: Map<string, NameEntry[]>;
  bySquash: Map<string, NameEntry[]>;
  oldProvinces: Unit[];
  newProvinces: Unit[];
  historical: Unit[];
}

let index: Index | undefined;

// Built on first use: importing the module stays cheap for code that never looks up a place.
function getIndex(): Index {
  if (index) return index;
  const old = new Map<string, Unit>();
  const neu = new Map<string, Unit>();
  const byName = new Map<string, NameEntry[]>();
  const bySquash = new Map<string, NameEntry[]>();
  const push = (map: Map<string, NameEntry[]>, key: string, unit: Unit, types: UnitType[]): void => {
    const list = map.get(key);
    if (!list) map.set(key, [{ unit, types }]);
    else if (!list.some((e) => e.unit === unit)) list.push({ unit, types });
  };
  // Run-together spellings (`KonTum`) are indexed for provinces and districts only: that is where
  // they occur, and it keeps the index small. Names are collected first and keyed all at once.
  const adds: Array<[name: string, unit: Unit, types: UnitType[]]> = [];
  const add = (name: string, unit: Unit, types: UnitType[]): void => void adds.push([name, unit, types]);
  const provinceNew = new Map<string, string>();
  const oldProvinces: Unit[] = [];
  for (const [code, name, type, newCode] of data.oldProvinces as string[][]) {
    const unit: Unit = { code, name, type: type as UnitType, level: 'province', era: 'old', provinceCode: code, newProvinceCode: newCode };
    old.set(code, unit);
    oldProvinces.push(unit);
    provinceNew.set(code, newCode);
  }
  const newProvinces: Unit[] = [];
  for (const [code, name, type, laterType] of data.newProvinces as string[][]) {
    const unit: Unit = { code, name, type: type as UnitType, level: 'province', era: 'new', provinceCode: code, newProvinceCode: code };
    if (laterType) unit.laterType = laterType as UnitType;
    neu.set(code, unit);
    newProvinces.push(unit);
  }
  for (const [code, name, type, provinceCode, newCode] of data.districts as string[][]) {
    old.set(code, { code, name, type: type as UnitType, level: 'district', era: 'old', parentCode: provinceCode, provinceCode, newProvinceCode: newCode });
  }
  // Fields by index rather than destructuring: ten thousand rows, read before any code is optimised.
  for (const row of data.communes as string[]) {
    const f = row.split('|');
    const code = f[0], name = f[1], type = f[2], districtCode = f[3], next = f[4];
    const district = old.get(districtCode)!;
    old.set(code, {
      code, name, type: type as UnitType, level: 'commune', era: 'old', parentCode: districtCode,
      provinceCode: district.provinceCode, newProvinceCode: district.newProvinceCode, successorCodes: next,
    });
  }
  for (const row of data.newCommunes as string[]) {
    const f = row.split('|');
    const code = f[0], name = f[1], type = f[2], provinceCode = f[3], laterType = f[4];
    const unit: Unit = { code, name, type: type as UnitType, level: 'commune', era: 'new', parentCode: provinceCode, provinceCode, newProvinceCode: provinceCode };
    if (laterType) unit.laterType = laterType as UnitType;
    neu.set(code, unit);
  }
  for (const [code, next] of Object.entries(data.districtSuccessors as Record<string, string>)) {
    const district = old.get(code);
    if (district) district.successorCodes = next;
  }
  for (const unit of [...old.values(), ...neu.values()]) {
    add(unit.name, unit, unit.laterType ? [unit.type, unit.laterType] : [unit.type]);
  }
  for (const alias of words.provinceAliases as Array<{ name: string; code: string; era: string; types?: string[] }>) {
    const unit = (alias.era === 'new' ? neu : old).get(alias.code);
    if (unit) add(alias.name, unit, (alias.types as UnitType[] | undefined) ?? [unit.type]);
  }
  const historical: Unit[] = [];
  for (const h of words.historicalUnits) {
    const province = old.get(h.province)!;
    const unit: Unit = {
      code: h.code, name: h.name, type: h.type as UnitType, level: h.level as UnitLevel, era: 'old',
      parentCode: h.province, provinceCode: h.province, newProvinceCode: province.newProvinceCode,
      until: h.until, provinceName: h.provinceName,
    };
    historical.push(unit);
    add(unit.name, unit, [unit.type]);
  }
  const keys = nameKeys(adds.map(([name]) => name));
  adds.forEach(([, unit, types], k) => {
    push(byName, keys[k], unit, types);
    if (unit.level !== 'commune') push(bySquash, squash(keys[k]), unit, types);
  });
  index = { old, new: neu, byName, bySquash, oldProvinces, newProvinces, historical };
  return index;
}

// Lookups by name as written: the entity scanners ask for the same capitalised runs again and again.
const NAMED = new Map<string, NameEntry[]>();
const NAMED_SIZE = 50000;
const NONE = Object.freeze([]) as unknown as NameEntry[]; // shared: callers only read what they get

/** Units whose name (or alias) is `name`, any era and level. Tone marks, case and spacing ignored. */
export function unitsNamed(name: string): NameEntry[] {
  let found = NAMED.get(name);
  if (found) return found;
  const idx = getIndex();
  found = idx.byName.get(nameKey(name)) ?? idx.bySquash.get(squashKey(name)) ?? NONE;
  if (NAMED.size >= NAMED_SIZE) NAMED.clear();
  NAMED.set(name, found);
  return found;
}

/** True when `name` is the name (or an alias) of one of the 63 old or 34 new provinces. */
export function isProvinceName(name: string): boolean {
  return unitsNamed(name).some((e) => e.unit.level === 'province');
}

/** The unit with this official code in an era (`old` by default). */
export function unitByCode(code: string, era: Era = 'old'): Unit | undefined {
  return getIndex()[era].get(code);
}

/** The 63 provinces before 1 July 2025, by code. */
export function oldProvinces(): Unit[] {
  return [...getIndex().oldProvinces];
}

/** The 34 provinces after 1 July 2025, by code. */
export function newProvinces(): Unit[] {
  return [...getIndex().newProvinces];
}

/** Districts of an old province. */
export function districtsOf(provinceCode: string): Unit[] {
  return [...getIndex().old.values()].filter((u) => u.level === 'district' && u.parentCode === provinceCode);
}

/** Same-era parent unit. */
export function parentOf(unit: Unit): Unit | undefined {
  return unit.parentCode ? unitByCode(unit.parentCode, unit.era) : undefined;
}

/** Same-era province (the unit itself for a province). */
export function provinceOf(unit: Unit): Unit {
  return unitByCode(unit.provinceCode, unit.era)!;
}

/** Province the unit belongs to after the 1 July 2025 merger. */
export function currentProvinceOf(unit: Unit): Unit {
  return unitByCode(unit.newProvinceCode, 'new')!;
}

/** New units an old commune (or island district) went into; the unit itself for a new unit. */
export function successorsOf(unit: Unit): Unit[] {
  if (unit.era === 'new') return [unit];
  if (!unit.successorCodes) return [];
  return unit.successorCodes.split(',').map((c) => unitByCode(c, 'new')).filter((u): u is Unit => !!u);
}

/** Old provinces merged into a new one. */
export function mergedInto(newCode: string): Unit[] {
  return getIndex().oldProvinces.filter((p) => p.newProvinceCode === newCode);
}

/** The unit's type at a date (ISO; latest when omitted). */
export function typeAt(unit: Unit, at?: string): UnitType {
  return unit.laterType && (!at || at >= UPDATE_DATE) ? unit.laterType : unit.type;
}

/** Name with its level word: `huyện Bạch Thông`, `thành phố Hà Nội`. */
export function unitName(unit: Unit, at?: string): string {
  return `${typeWord(typeAt(unit, unit.era === 'new' ? at : undefined))} ${unit.name}`;
}

/**
 * True when `unit` lies in `container`. Across eras a unit lies in the new province that took over
 * its old one; an old province does not contain new units.
 */
export function isWithin(unit: Unit, container: Unit): boolean {
  if (unit === container) return true;
  if (container.level === 'province') {
    if (container.era === 'new') return unit.newProvinceCode === container.code;
    return unit.era === 'old' && unit.provinceCode === container.code;
  }
  if (container.level === 'district') return unit.era === 'old' && unit.parentCode === container.code && unit.level === 'commune';
  return false;
}

/** The unit as a Place: canonical name, parent, province and current (post-2025) province. */
export function toPlace(unit: Unit, at?: string): Place {
  const parent = parentOf(unit);
  const current = currentProvinceOf(unit);
  const place: Place = { name: unitName(unit, at), level: unit.level, code: unit.code, era: unit.era };
  if (parent) place.parent = unit.provinceName ?? unitName(parent, at);
  if (unit.level !== 'province') place.province = unit.provinceName ?? unitName(provinceOf(unit), at);
  if (unit.until) place.until = unit.until;
  place.currentProvince = unitName(current);
  place.currentProvinceCode = current.code;
  return place;
}

/** Place -> unit again (by code and era), for callers holding a Place. */
export function unitOfPlace(place: Place): Unit | undefined {
  if (!place.code || !place.era || place.level === 'village' || place.level === 'national') return undefined;
  if (place.until) return getIndex().historical.find((h) => h.code === place.code && h.level === place.level);
  const unit = unitByCode(place.code, place.era);
  return unit && unit.level === place.level ? unit : undefined;
}

/** Counts of the shipped data, for reports and tests. */
export function gazetteerCounts(): Record<string, number> {
  return {
    oldProvinces: data.oldProvinces.length,
    districts: data.districts.length,
    communes: data.communes.length,
    newProvinces: data.newProvinces.length,
    newCommunes: data.newCommunes.length,
  };
}

// Name lookups (level words, parents, context) live in places.ts; re-exported for callers that
// think of them as gazetteer lookups. places.ts uses this module only inside functions, so the
// import cycle is harmless.
export { lookupPlace, placeCandidates, parsePlace, type ResolveOptions } from './places.js';
