// Programmes, funds and campaigns: every alias of one programme (`Chương trình MTQG giảm nghèo`,
// `Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025`) gets one canonical
// name, with its period (the one written after it, else the programme's default).
import data from '../../data/programs.json' with { type: 'json' };
import type { EntityMention } from '../../types.js';
import { Finder, NO_WORD_AFTER, NO_WORD_BEFORE, isUpper, phraseHeads, phraseSource } from './scan.js';

export interface ProgramMention extends EntityMention {
  kind: 'program';
  /** Stable id from src/data/programs.json. */
  programId: string;
  /** Span of years, `2021/2025`, when the programme has one. */
  period?: string;
}

interface Program {
  id: string;
  canonical: string;
  period?: string;
  aliases: string[];
}

interface Alias {
  re: RegExp;
  program: Program;
  /** Written with a capital first letter: needs one in the text. */
  capital: boolean;
}

const SORTED = (data.programs as Program[])
  .flatMap((program) => program.aliases.map((alias) => ({ alias, program })))
  .sort((a, b) => b.alias.length - a.alias.length);
const ALIASES: Alias[] = SORTED.map(({ alias, program }) => ({
  re: new RegExp(`${NO_WORD_BEFORE}${phraseSource(alias)}${NO_WORD_AFTER}`, 'g'),
  program,
  capital: isUpper(alias.replace(/^["“]/, '')[0]),
}));
const FINDER = new Finder(ALIASES.map((a, k) => ({ source: a.re.source, heads: phraseHeads(SORTED[k].alias) })));

// `giai đoạn 2021 - 2025` right after the name (inside its closing quote or after it).
const PERIOD_AFTER = /^\s*"?\s*(?:giai đoạn|gia đoạn|thời kỳ)\s+(\d{4})\s*-\s*(\d{4})/u;

const yearsOf = (period: string): string => period.replace(/\s*-\s*/, '/');
const spaced = (period: string): string => period.replace(/\s*\/\s*/, ' - ');

/** Programmes in `text`. `shadow` is shadowOf(text). */
export function findPrograms(text: string, shadow: string): ProgramMention[] {
  const taken: Array<[number, number]> = [];
  const out: ProgramMention[] = [];
  FINDER.run(text, shadow, (m, k) => {
    const a = ALIASES[k];
    const start = m.index;
    let end = start + m[0].length;
    if (taken.some(([s, e]) => start < e && s < end)) return;
    const first = text.slice(start, end).replace(/^["“”\s]+/, '')[0];
    if (a.capital && !isUpper(first)) return;
    let period = a.program.period ? yearsOf(a.program.period) : undefined;
    const p = PERIOD_AFTER.exec(shadow.slice(end, end + 40));
    if (p && a.program.period) {
      period = `${p[1]}/${p[2]}`;
      end += p[0].length;
    }
    // A quote opened inside the match but closed after the period belongs to it.
    if ((text.slice(start, end).match(/["“”]/g) ?? []).length % 2 === 1 && /["”]/.test(text[end] ?? '')) end += 1;
    taken.push([start, end]);
    const canonical = period ? `${a.program.canonical} giai đoạn ${spaced(period)}` : a.program.canonical;
    const mention: ProgramMention = {
      kind: 'program', text: text.slice(start, end), start, end, canonical, programId: a.program.id,
    };
    if (period) mention.period = period;
    out.push(mention);
  });
  return out.sort((a, b) => a.start - b.start);
}
