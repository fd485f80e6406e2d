// Entity mentions of one article: places, organisations, documents, people, programmes and dates,
// each with offsets into the text and a canonical name. Pure: rules and shipped data only.
import type { EntityMention } from '../../types.js';
import { isoDay } from '../../normalize/places.js';
import { findDates, type DateMention } from './dates.js';
import { findDocuments, type DocumentMention } from './documents.js';
import { findOrganizations, type OrganizationMention } from './organizations.js';
import { findPeople, type PersonMention } from './people.js';
import { scanPlaces, type PlaceMention } from './places.js';
import { fromNfc, toNfc } from './scan.js';
import { findPrograms, type ProgramMention } from './programs.js';

export interface ExtractEntitiesOptions {
  /** Article date (ISO): resolves `năm nay`, dates without a year, and the unit list in force. */
  publishedAt?: string;
  /** The article's place (`thành phố Thái Nguyên`): `UBND thành phố` is its UBND. Inferred when absent. */
  contextPlace?: string;
}

const KIND_ORDER: Record<string, number> = { place: 0, organization: 1, document: 2, person: 3, program: 4, date: 5 };
const within = (inner: EntityMention, outer: { start: number; end: number }): boolean =>
  inner.start >= outer.start && inner.end <= outer.end;

/**
 * All entity mentions in `text`, sorted by offset (offsets into `text` as given, NFC or not). Mentions of different kinds may nest
 * (`tỉnh Bắc Kạn` inside `UBND tỉnh Bắc Kạn`); mentions of one kind do not overlap.
 */
export function extractEntities(input: string, options: ExtractEntitiesOptions = {}): EntityMention[] {
  const nfc = toNfc(input);
  const text = nfc?.text ?? input;
  const publishedAt = isoDay(options.publishedAt);
  const scan = scanPlaces(text, { publishedAt, contextPlace: options.contextPlace, references: true });
  const { shadow, context } = scan;
  const dates = findDates(text, shadow, { publishedAt });
  const programs = findPrograms(text, shadow);
  const orgs = findOrganizations(text, shadow, { places: scan.mentions, context, publishedAt });
  const documents = findDocuments(text, shadow, dates, orgs);
  const people = findPeople(text, shadow, { places: scan.mentions, orgs });

  const places = scan.mentions.filter((p) => !p.reference && keepPlace(p, programs, orgs, people));
  const out: EntityMention[] = [
    ...places,
    ...orgs.map(stripOrg),
    ...documents,
    ...people,
    ...programs,
    ...dates.map((d) => partOfOther(d, documents, programs)),
  ];
  out.sort((a, b) => a.start - b.start || b.end - a.end || (KIND_ORDER[a.kind] ?? -1) - (KIND_ORDER[b.kind] ?? -1));
  return fromNfc(out, nfc, input);
}

/**
 * Places that are really part of another name are dropped: `cả nước` in a campaign's name,
 * `Hồ Chí Minh` in `Đoàn Thanh niên Cộng sản Hồ Chí Minh`, `Hà Giang` in `bà Hà Giang`.
 */
function keepPlace(p: PlaceMention, programs: ProgramMention[], orgs: OrganizationMention[], people: PersonMention[]): boolean {
  if (programs.some((g) => within(p, g))) return false;
  if (orgs.some((o) => p.start >= o.start && p.end <= o.nameEnd)) return false;
  if (!p.code || p.level === 'province') {
    if (people.some((person) => within(p, person) && p.start > person.start)) return false;
  }
  return true;
}

/** A date inside a document or programme mention says so: it dates that, not the article's facts. */
function partOfOther(d: DateMention, documents: DocumentMention[], programs: ProgramMention[]): DateMention {
  if (documents.some((doc) => within(d, doc))) return { ...d, partOf: 'document' };
  if (programs.some((g) => within(d, g))) return { ...d, partOf: 'program' };
  return d;
}

/** The mention without nameEnd, keys in order: `const { nameEnd, ...rest } = o`, with named stores (faster). */
function stripOrg(o: OrganizationMention): EntityMention {
  const m = { kind: o.kind, text: o.text, start: o.start, end: o.end, canonical: o.canonical } as EntityMention;
  const keys = Object.keys(o);
  if (keys[0] !== 'kind' || keys[1] !== 'text' || keys[2] !== 'start' || keys[3] !== 'end' || keys[4] !== 'canonical') {
    const { nameEnd, ...rest } = o;
    return rest;
  }
  for (let k = 5; k < keys.length; k++) {
    switch (keys[k]) {
      case 'nameEnd': break;
      case 'name': m.name = o.name; break;
      case 'acronym': m.acronym = o.acronym; break;
      case 'field': m.field = o.field; break;
      case 'docCode': m.docCode = o.docCode; break;
      case 'place': m.place = o.place; break;
      case 'placeLevel': m.placeLevel = o.placeLevel; break;
      case 'placeCode': m.placeCode = o.placeCode; break;
      case 'currentProvince': m.currentProvince = o.currentProvince; break;
      default: m[keys[k]] = o[keys[k]];
    }
  }
  return m;
}

export type { DateMention, DocumentMention, OrganizationMention, PersonMention, PlaceMention, ProgramMention };
export { findPlaces, scanPlaces, articlePlace, type FindPlacesOptions } from './places.js';
export { findAuthor } from './people.js';
