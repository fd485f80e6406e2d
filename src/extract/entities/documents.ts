// Legal and administrative documents: `Quyết định số 662/QĐ-UBND ngày 30/01/2022`, `Kế hoạch
// 122/KH-UBND 05/5/2023`, `Nghị quyết 60-NQ/TW`, `Quyết định 19/2025/QĐ-TTg`: type, number, code,
// issuer (from `của ...`, the organisation named before it, or the code) and date.
import docs from '../../data/documents.json' with { type: 'json' };
import type { EntityMention } from '../../types.js';
import { foldCase } from '../../normalize/text.js';
import type { DateMention } from './dates.js';
import type { OrganizationMention } from './organizations.js';
import { Finder, L, NO_WORD_BEFORE, W, codeAt, digitsAt, headsOf, isUpper, lineBounds, phraseHeads, phraseSource, upperCount } from './scan.js';

export interface DocumentMention extends EntityMention {
  kind: 'document';
  docType: string;
  /** Number as written before the code: `662`; with the year of the number in `year`. */
  number: string;
  year?: number;
  /** `QĐ-UBND`, `NQ/TW`, `QĐ-TTg`. */
  code: string;
  /** Who issued it: an organisation's canonical name, or the expansion of the code's issuer part. */
  issuer?: string;
  /** Issuer part of the code: `UBND`. */
  issuerCode?: string;
  /** ISO day. */
  date?: string;
}

interface DocType {
  canonical: string;
  forms: string[];
  codes: string[];
}

const TYPES = docs.types as DocType[];
const ISSUERS = docs.issuers as Record<string, string>;
const TYPE_BY_CODE = new Map(TYPES.flatMap((t) => t.codes.map((c) => [foldCase(c), t] as const)));
const TYPE_BY_FORM = new Map(TYPES.flatMap((t) => t.forms.map((f) => [foldCase(f), t] as const)));

const TYPE_SRC = TYPES.flatMap((t) => t.forms).sort((a, b) => b.length - a.length).map(phraseSource).join('|');
const CODE = `[${L}][${L}\\d&]*(?:-[${L}\\d&]+)*`;
// On the shadow for the type word; the number and code are read from the text at the same offsets.
const WITH_TYPE = new RegExp(
  `${NO_WORD_BEFORE}(${TYPE_SRC})(?:\\s+số)?\\s*:?\\s*(\\d{1,5}[a-z]?)(?:/((?:19|20)\\d{2}))?([/-])(?=[${L}])`, 'g',
);
// Without a type word: `số 662/QĐ-UBND`, or a bare number whose code starts with a type code.
const BARE = new RegExp(`(?<![${W}/])(?:([sS]ố)\\s+)?(\\d{1,5}[a-z]?)(?:/((?:19|20)\\d{2}))?(/)(?=[${L}])`, 'g');
const CODE_AT = new RegExp(`${CODE}(?:/${CODE})?`, 'y');
// Where matches start: a type word, or `số` / a digit.
const FINDER = new Finder([
  { source: WITH_TYPE.source, heads: headsOf(TYPES.flatMap((t) => t.forms), phraseHeads) },
  {
    source: BARE.source,
    onText: true,
    heads: ['số', 'Số', ...'0123456789'],
    // A number starts `(\d{1,5}[a-z]?)...(/)`: up to five digits, maybe a letter, then a slash.
    where: (src, p) => {
      const n = digitsAt(src, p);
      if (n === 0) return true;
      const next = codeAt(src, p + n);
      return n <= 5 && (next === 0x2f || (next >= 0x61 && next <= 0x7a && codeAt(src, p + n + 1) === 0x2f));
    },
  },
]);

interface Found {
  start: number;
  end: number;
  type?: DocType;
  number: string;
  year?: number;
  /** `/` in `662/QĐ-UBND`, `-` in `60-NQ/TW`. */
  sep: string;
  code: string;
}

function readCode(text: string, at: number): string | undefined {
  CODE_AT.lastIndex = at;
  const m = CODE_AT.exec(text);
  if (!m || !isUpper(m[0][0]) || upperCount(m[0]) < 2) return undefined;
  return m[0];
}

/** Type code and issuer code of `QĐ-UBND`, `NQ/TW`, `NQ-UBTVQH15`, `CTK-CSCL`. */
function splitCode(code: string): { typeCode?: string; issuerCode?: string } {
  const parts = code.split(/[-/]/);
  if (TYPE_BY_CODE.has(foldCase(parts[0]))) return { typeCode: parts[0], issuerCode: parts[1] };
  return { issuerCode: parts[0] };
}

function toFound(text: string, m: RegExpExecArray, numberGroup: number, type: DocType | undefined): Found | undefined {
  const codeStart = m.index + m[0].length;
  const code = readCode(text, codeStart);
  const sep = m[numberGroup + 2];
  // `60-NQ/TW`: after a dash the code holds the slash.
  if (!code || (sep === '-' && !code.includes('/'))) return undefined;
  const yearText = m[numberGroup + 1];
  return {
    start: m.index, end: codeStart + code.length, type, number: m[numberGroup],
    year: yearText ? Number(yearText) : undefined, sep, code,
  };
}

function scan(text: string, shadow: string): Found[] {
  const found: Found[] = [];
  FINDER.run(text, shadow, (m, k) => {
    if (k === 0) {
      if (!isUpper(text[m.index])) return; // `kế hoạch 2023-...` in running text is no document
      const f = toFound(text, m, 2, TYPE_BY_FORM.get(m[1].replace(/\s+/g, ' ')));
      if (f) found.push(f);
      return;
    }
    if (found.some((f) => m.index >= f.start && m.index < f.end)) return;
    const f = toFound(text, m, 2, undefined);
    if (!f) return;
    const { typeCode } = splitCode(f.code);
    if (!typeCode && !m[1]) return;
    f.type = typeCode ? TYPE_BY_CODE.get(foldCase(typeCode)) : undefined;
    found.push(f);
  });
  return found.sort((a, b) => a.start - b.start);
}

/** `ngày 30/01/2022` or a bare date right after the code. */
function dateAfter(text: string, end: number, dates: DateMention[]): DateMention | undefined {
  const d = dates.find((x) => x.start >= end && x.start <= end + 12 && x.grain === 'day');
  if (!d) return undefined;
  return /^\s*,?\s*(?:ngày\s+|ngày:\s*)?$/iu.test(text.slice(end, d.start)) ? d : undefined;
}

/** `... của UBND tỉnh` after the document, else the nearest matching organisation before it on its line. */
function issuerOf(text: string, f: Found, after: number, issuerCode: string | undefined, orgs: OrganizationMention[]): string | undefined {
  const of = /^\s*(?:của|do)\s+/iu.exec(text.slice(after, after + 8));
  if (of) {
    const org = orgs.find((o) => o.start === after + of[0].length);
    if (org) return org.canonical;
  }
  if (!issuerCode) return undefined;
  const code = issuerCode.replace(/\d+$/, '');
  const [lineStart] = lineBounds(text, f.start);
  const before = orgs.filter((o) => o.end <= f.start && o.start >= lineStart && o.docCode === code);
  if (before.length) return before.at(-1)!.canonical;
  return ISSUERS[code];
}

const ddmmyyyy = (iso: string): string => iso.split('-').reverse().join('/');

/** Documents in `text`. `shadow` is shadowOf(text); dates and organisations from their matchers. */
export function findDocuments(text: string, shadow: string, dates: DateMention[], orgs: OrganizationMention[]): DocumentMention[] {
  const out: DocumentMention[] = [];
  for (const f of scan(text, shadow)) {
    const { typeCode, issuerCode } = splitCode(f.code);
    const type = f.type ?? (typeCode ? TYPE_BY_CODE.get(foldCase(typeCode)) : undefined);
    if (!type) continue;
    const date = dateAfter(text, f.end, dates);
    const end = date ? date.end : f.end;
    const full = `${f.number}${f.year ? `/${f.year}` : ''}${f.sep}${f.code}`;
    const m: DocumentMention = {
      kind: 'document', text: text.slice(f.start, end), start: f.start, end,
      canonical: '', docType: type.canonical, number: f.number, code: f.code,
    };
    if (f.year) m.year = f.year;
    if (issuerCode) m.issuerCode = issuerCode;
    const issuer = issuerOf(text, f, end, issuerCode, orgs);
    if (issuer) m.issuer = issuer;
    if (date) m.date = date.value;
    m.canonical = `${type.canonical} số ${full}`;
    out.push(m);
  }
  // A document named twice keeps the date and issuer given at its first full mention.
  for (const m of out) {
    const first = out.find((o) => o.canonical === m.canonical && o.date);
    if (!m.date && first?.date) m.date = first.date;
    if (first && first.issuer && (!m.issuer || m.issuer === ISSUERS[(m.issuerCode ?? '').replace(/\d+$/, '')])) m.issuer = first.issuer;
  }
  for (const m of out) if (m.date) m.canonical += ` ngày ${ddmmyyyy(m.date)}`;
  return out;
}
