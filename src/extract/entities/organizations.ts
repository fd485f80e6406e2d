// Organisations: known bodies (`UBND`, `Hội Nông dân`), departments (`Phòng` + field), committees
// (`Ban Chỉ đạo` + free words) and named institutions (`Trường THPT Ngô Quyền`). Acronyms are
// expanded from src/data/organizations.json; the place after the name (`UBND tỉnh Bắc Kạn`) or
// implied by it (`Thành ủy`, `UBND huyện` in an article about a district) is attached.
import orgs from '../../data/organizations.json' with { type: 'json' };
import type { EntityMention } from '../../types.js';
import { toPlace, unitOfPlace, type Place, type PlaceLevel, type Unit } from '../../normalize/gazetteer.js';
import { levelWordOf, referencedUnit } from '../../normalize/places.js';
import { displayName } from '../../normalize/names.js';
import { foldCase } from '../../normalize/text.js';
import { levelFormAt, type PlaceMention } from './places.js';
import {
  Finder, HeadsAt, NO_WORD_AFTER, W, exactHeads, exactSource, isUpper, isWordChar, phraseHeads, phraseSource, properRun,
  runText, upperCount, wordBefore,
} from './scan.js';

export interface OrganizationMention extends EntityMention {
  kind: 'organization';
  /** Expanded name without the place: `Ủy ban nhân dân`, `Phòng Lao động - Thương binh và Xã hội`. */
  name: string;
  /** The acronym as written, when the name was abbreviated (`UBND`, `LĐ-TBXH`). */
  acronym?: string;
  field?: string;
  /** Canonical name of the unit the organisation belongs to: `tỉnh Bắc Kạn`. */
  place?: string;
  placeLevel?: PlaceLevel;
  placeCode?: string;
  currentProvince?: string;
  /** Issuer part of its documents' codes (`UBND` in `QĐ-UBND`). */
  docCode?: string;
  /** Where the name stops and the place starts. */
  nameEnd: number;
}

export interface OrganizationContext {
  places: PlaceMention[];
  context?: Unit;
  publishedAt?: string;
}

interface Body {
  canonical: string;
  forms: string[];
  place?: boolean;
  impliedLevel?: string;
  requiresPlace?: boolean;
  docCode?: string;
}
interface Head {
  canonical: string;
  forms: string[];
  docPrefix?: string;
  national?: boolean;
  notAfter?: string[];
}
interface Field {
  canonical: string;
  forms: string[];
  docCode?: string;
}

const isAcronym = (form: string): boolean => [...form].every((c) => isUpper(c) || /[\d&.,-]/.test(c)) && upperCount(form) >= 2;
// Not inside a document code (`QĐ-UBND`) or a word.
const bounded = (source: string): string => `(?<![${W}/-])(?:${source})(?![${W}]|-[A-ZĐ])`;

/** A compiled form: on the shadow (any case) or, for acronyms, on the text as written. */
interface Form<T> {
  re: RegExp;
  exact: boolean;
  form: string;
  item: T;
}

function compile<T extends { forms: string[] }>(items: T[], sticky = false): Form<T>[] {
  const flags = sticky ? 'y' : 'g';
  return items
    .flatMap((item) => item.forms.map((form) => ({ item, form })))
    .sort((a, b) => b.form.length - a.form.length)
    .map(({ item, form }) => {
      const exact = isAcronym(form);
      const source = exact ? exactSource(form) : phraseSource(form);
      return { re: new RegExp(sticky ? `${source}${NO_WORD_AFTER}` : bounded(source), flags), exact, form, item };
    });
}

const headsOfForm = <T>(f: Form<T>): string[] | undefined => (f.exact ? exactHeads(f.form) : phraseHeads(f.form));

/** Compiled forms and a Finder running them over an article. */
interface Forms<T> {
  forms: Form<T>[];
  finder: Finder;
}

function forms<T extends { forms: string[] }>(items: T[]): Forms<T> {
  const list = compile(items);
  return { forms: list, finder: new Finder(list.map((f) => ({ source: f.re.source, onText: f.exact, heads: headsOfForm(f) }))) };
}

const BODIES = forms(orgs.bodies as Body[]);
const COMMITTEES = forms(orgs.committees as Body[]);
const NAMED = forms(orgs.namedHeads as Body[]);
const HEADS = forms(orgs.departmentHeads as Head[]);
const FIELDS = compile(orgs.fields as Field[], true);
const FIELDS_AT = new HeadsAt(FIELDS.map((f) => ({ onText: f.exact, heads: headsOfForm(f) })));
const STOPS = orgs.complementStops.map(foldCase).sort((a, b) => b.length - a.length);
// The stops by first character (those that can start a string starting with it).
const STOPS_BY_FIRST = new Map<string, string[]>();
for (const stop of STOPS) if (stop) STOPS_BY_FIRST.set(stop[0], [...(STOPS_BY_FIRST.get(stop[0]) ?? []), stop]);
const EMPTY_STOP = STOPS.includes('');

interface Candidate {
  start: number;
  nameEnd: number;
  name: string;
  acronym?: string;
  field?: string;
  body?: Body;
  docCode?: string;
  /** Committees may take `trên địa bàn X` as their place. */
  committee?: boolean;
  /** Ministries and the like: no place after them is theirs. */
  national?: boolean;
  /** Department head (`Sở`), for sharing a place along a list of like departments. */
  head?: string;
}

/** Every match of every form, form by form (longest first), left to right. */
function matchAll<T>(group: Forms<T>, text: string, shadow: string, each: (m: RegExpExecArray, f: Form<T>) => void): void {
  group.finder.run(text, shadow, (m, k) => each(m, group.forms[k]));
}

const capitalised = (text: string, i: number): boolean => isUpper(text[i]);

function findBodies(text: string, shadow: string, out: Candidate[]): void {
  matchAll(BODIES, text, shadow, (m, f) => {
    if (!f.exact && !capitalised(text, m.index)) return;
    out.push({
      start: m.index, nameEnd: m.index + m[0].length, name: f.item.canonical, body: f.item,
      acronym: f.exact ? m[0] : undefined, docCode: f.item.docCode,
    });
  });
}

function findDepartments(text: string, shadow: string, out: Candidate[]): void {
  matchAll(HEADS, text, shadow, (m, f) => {
    const afterHead = /^[ \u00a0]+/u.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
    if (!afterHead) return;
    const at = m.index + m[0].length + afterHead[0].length;
    const headCapital = capitalised(text, m.index);
    if (!headCapital) {
      // `cơ sở y tế`, `cán bộ Tư pháp`: a lower-case head needs a capitalised field and no compound.
      if (!capitalised(text, at)) return;
      if ((f.item.notAfter ?? []).some((w) => wordBefore(shadow, m.index) === w)) return;
    }
    let field: Form<Field> | undefined;
    for (const k of FIELDS_AT.at(text, shadow, at)) {
      const ff = FIELDS[k];
      ff.re.lastIndex = at;
      if (ff.re.test(ff.exact ? text : shadow)) {
        field = ff;
        break;
      }
    }
    if (!field) return;
    const end = field.re.lastIndex;
    const head = f.item.canonical;
    out.push({
      start: m.index, nameEnd: end, name: `${head} ${field.item.canonical}`, field: field.item.canonical,
      acronym: field.exact ? text.slice(at, end) : undefined,
      docCode: f.item.docPrefix && field.item.docCode ? f.item.docPrefix + field.item.docCode : undefined,
      national: f.item.national, head,
    });
  });
}

const COMPLEMENT_WORD = new RegExp(`[ \\u00a0]+((?:["“”]?[${W}]+(?:[-–/][${W}]+)*["“”]?)|[-–])`, 'y');

/** Free words after a committee head, up to punctuation, a stop word or a level word. */
function complementEnd(text: string, shadow: string, from: number): number {
  let end = from;
  const word = COMPLEMENT_WORD;
  for (let n = 0; n < 14; n++) {
    word.lastIndex = end;
    const m = word.exec(text);
    if (!m) break;
    const start = end + m[0].length - m[1].length;
    const rest = shadow.slice(start, start + 24);
    const stops = EMPTY_STOP ? STOPS : STOPS_BY_FIRST.get(rest[0]) ?? [];
    if (stops.some((s) => rest.startsWith(s) && !isWordChar(rest[s.length]))) break;
    if (levelFormAt(text, shadow, start)) break;
    end = start + m[1].length;
  }
  // Do not end on a joining word or dash.
  while (true) {
    const tail = /[ \u00a0]+(?:và|các|của|[-–])$/u.exec(text.slice(from, end));
    if (!tail) break;
    end -= tail[0].length;
  }
  return end;
}

function findCommittees(text: string, shadow: string, out: Candidate[]): void {
  matchAll(COMMITTEES, text, shadow, (m, f) => {
    if (!f.exact && !capitalised(text, m.index)) return;
    const headEnd = m.index + m[0].length;
    const end = complementEnd(text, shadow, headEnd);
    const complement = displayName(text.slice(headEnd, end));
    out.push({
      start: m.index, nameEnd: end, name: complement ? `${f.item.canonical} ${complement}` : f.item.canonical,
      acronym: f.exact ? m[0] : undefined, committee: true,
    });
  });
}

function findNamed(text: string, shadow: string, out: Candidate[]): void {
  matchAll(NAMED, text, shadow, (m, f) => {
    const headEnd = m.index + m[0].length;
    const gap = /^[ \u00a0]+/u.exec(text.slice(headEnd, headEnd + 3));
    if (!gap) return;
    const nameStart = headEnd + gap[0].length;
    // `Trạm Y tế xã Đồng Liên`: no name of its own, the place follows.
    if (levelFormAt(text, shadow, nameStart)) {
      out.push({ start: m.index, nameEnd: headEnd, name: f.item.canonical });
      return;
    }
    const run = properRun(text, nameStart, 5);
    if (!run.length) return;
    const end = run.at(-1)!.end;
    out.push({ start: m.index, nameEnd: end, name: `${f.item.canonical} ${displayName(runText(text, run))}` });
  });
}

/** Longest first, then earliest; drop candidates overlapping a kept one. */
function select(cands: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  const sorted = [...cands].sort((a, b) => b.nameEnd - b.start - (a.nameEnd - a.start) || a.start - b.start);
  for (const c of sorted) {
    if (!kept.some((k) => c.start < k.nameEnd && k.start < c.nameEnd)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

interface Attached {
  end: number;
  place?: Place;
  /** The level word written, when the unit could not be resolved (`UBND huyện` without context). */
  word?: string;
}

/** The place right after the name: a place mention, or a bare level word read against the article's place. */
function attachPlace(text: string, shadow: string, cand: Candidate, ctx: OrganizationContext): Attached | undefined {
  let at = cand.nameEnd;
  const gap = cand.committee
    ? /^(?:[ \u00a0]+trên địa bàn)?[ \u00a0]+/u.exec(shadow.slice(at, at + 20))
    : /^[ \u00a0]+/u.exec(text.slice(at, at + 3));
  if (!gap) return undefined;
  at += gap[0].length;
  const mention = ctx.places.find((p) => p.start === at && !p.reference);
  if (mention) {
    const { kind, text: _t, start, end, canonical, resolved, ambiguous, reference, ...rest } = mention;
    return { end, place: { name: canonical, ...(rest as Omit<Place, 'name'>) } };
  }
  const form = levelFormAt(text, shadow, at);
  if (!form || form.word.types.length === 0) return undefined;
  const end = at + form.form.length;
  const unit = ctx.context ? referencedUnit(form.word, ctx.context, ctx.publishedAt) : undefined;
  return { end, place: unit ? toPlace(unit, ctx.publishedAt) : undefined, word: form.word.canonical };
}

function impliedPlace(body: Body, ctx: OrganizationContext): Place | undefined {
  const word = body.impliedLevel ? levelWordOf(body.impliedLevel) : undefined;
  const unit = word && ctx.context ? referencedUnit(word, ctx.context, ctx.publishedAt) : undefined;
  return unit ? toPlace(unit, ctx.publishedAt) : undefined;
}

/** `Thành ủy` + `thành phố Thái Nguyên` -> `Thành ủy Thái Nguyên`: the level is already in the name. */
function canonicalOf(name: string, body: Body | undefined, place: Place | undefined, word?: string): string {
  if (place) {
    const unit = body?.impliedLevel ? unitOfPlace(place) : undefined;
    const bare = unit ? unit.name : place.name;
    return `${name} ${bare}`;
  }
  return word ? `${name} ${word}` : name;
}

function setPlace(m: OrganizationMention, place: Place | undefined, word?: string, body?: Body): void {
  m.canonical = canonicalOf(m.name, body, place, word);
  if (!place) return;
  m.place = place.name;
  m.placeLevel = place.level;
  if (place.code) m.placeCode = place.code;
  if (place.currentProvince) m.currentProvince = place.currentProvince;
}

/** Organisations in `text`. `shadow` is shadowOf(text); places come from scanPlaces. */
export function findOrganizations(text: string, shadow: string, ctx: OrganizationContext): OrganizationMention[] {
  const cands: Candidate[] = [];
  findBodies(text, shadow, cands);
  findDepartments(text, shadow, cands);
  findCommittees(text, shadow, cands);
  findNamed(text, shadow, cands);
  const out: OrganizationMention[] = [];
  const bodyOf = new Map<OrganizationMention, Candidate>();
  for (const cand of select(cands)) {
    const attached = cand.national ? undefined : attachPlace(text, shadow, cand, ctx);
    const place = attached?.place ?? (cand.body ? impliedPlace(cand.body, ctx) : undefined);
    if (cand.body?.requiresPlace && !attached) continue;
    const end = attached?.end ?? cand.nameEnd;
    const m: OrganizationMention = {
      kind: 'organization', text: text.slice(cand.start, end), start: cand.start, end,
      canonical: cand.name, name: cand.name, nameEnd: cand.nameEnd,
    };
    if (cand.acronym) m.acronym = cand.acronym;
    if (cand.field) m.field = cand.field;
    if (cand.docCode) m.docCode = cand.docCode;
    setPlace(m, place, attached?.word, cand.body);
    bodyOf.set(m, cand);
    out.push(m);
  }
  shareListPlaces(text, out, bodyOf);
  return out;
}

/**
 * `Thành ủy, HĐND, UBND thành phố`, `Sở Y tế, Sở GD&ĐT tỉnh X`: the place after the last name of a
 * list belongs to the earlier ones too, when they are of one family (bodies, or one department head).
 */
function shareListPlaces(text: string, out: OrganizationMention[], candOf: Map<OrganizationMention, Candidate>): void {
  for (let k = out.length - 1; k > 0; k--) {
    const cur = out[k];
    const prev = out[k - 1];
    if (!cur.place || prev.place || prev.end !== prev.nameEnd) continue;
    if (!/^(?: ?, ?| và | cùng )$/u.test(text.slice(prev.end, cur.start))) continue;
    const [a, b] = [candOf.get(prev)!, candOf.get(cur)!];
    const family = (a.body && b.body) || (a.head !== undefined && a.head === b.head);
    if (!family || a.national || (a.body && !a.body.place && !a.body.impliedLevel)) continue;
    setPlace(prev, { name: cur.place, level: cur.placeLevel!, code: cur.placeCode, currentProvince: cur.currentProvince }, undefined, a.body);
  }
}
