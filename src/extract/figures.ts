// Figures: quantities in an article body that state something, with what they measure,
// for where and when, and whether they are a result or a target. Built on the scanner.
import type { FigureRecord, QuantityMatch } from '../types.js';
import { articleContext, type ArticleContext, type ArticleMeta } from './context.js';
import { CueIndex, modalityOf, measureOf } from './modality.js';
import { scanTokens } from './quantity.js';
import { splitSentences, type Sentence } from './sentences.js';
import { breakdownWhole, subjectOf } from './subject.js';
import { isLower, startsUpper, tokenize } from './tokens.js';
import { NON_FIGURE_UNITS } from './units.js';
import cues from '../data/cues.json' with { type: 'json' };

export interface FigureOptions extends ArticleMeta {}

/** A figure before normalisation: the record without indicator and suspect flags. */
export type RawFigure = Omit<FigureRecord, 'indicator'> & { indicator?: string };

const BACK_REF = new Set(cues.backReference);

/** Finds the figures of an article body. Pure: text in, records out. */
export function findFigures(text: string, options: FigureOptions = {}): RawFigure[] {
  const sentences = splitSentences(text);
  const ctx = articleContext(text, sentences, options);
  // Tokenized once: the scanner and the cue index both read the tokens.
  const tokens = tokenize(text);
  const quantities = scanTokens(text, tokens);
  const cueIndex = new CueIndex(text, sentences, options.title, tokens);
  const out: RawFigure[] = [];
  let si = 0;
  for (const q of quantities) {
    while (si < sentences.length - 1 && sentences[si].end <= q.start) si++;
    const sentence = sentences[si];
    if (!sentence || q.start < sentence.start) continue;
    impliedMoney(q, text, sentence);
    const why = notAFigure(q, text);
    if (why) continue;
    out.push(buildFigure(q, text, sentence, sentences, si, ctx, cueIndex, out));
  }
  return out;
}

const MONEY_WORDS = new RegExp(`(?<![\\p{L}])(?:${cues.moneyHeads.filter((w) => w.length > 3).join('|')}|đồng)(?![\\p{L}])`, 'iu');

/** `vốn đối ứng ngân sách tỉnh: 8.800 triệu`: a bare scale word about money means đồng. */
function impliedMoney(q: QuantityMatch, text: string, sentence: Sentence): void {
  if (q.unit !== null || !/(triệu|tỷ|tỉ)$/iu.test(q.text)) return;
  const context = text.slice(sentence.start, sentence.end);
  if (MONEY_WORDS.test(context)) {
    q.unit = 'VND';
    q.impliedUnit = true;
  }
}

const NAMES = /^\s*((?:\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*)(?:\s*(?:,|và)\s*\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*)+)/u;

/** Why a quantity is not a figure (GUIDELINES: durations, multipliers, vague, back-references), or null. */
export function notAFigure(q: QuantityMatch, text: string): string | null {
  if (q.unit === null) return 'no unit';
  if (NON_FIGURE_UNITS.has(q.unit)) return 'duration or multiplier';
  if (q.vague) return 'vague amount';
  if (q.unit === 'item' || q.unit === 'household' || q.unit === 'person') {
    // hai dự án trên, 2 địa bàn này: a back-reference, not a new count.
    const next = text.slice(q.end, q.end + 12).trimStart();
    const after = isLower(next) ? next : next.toLowerCase();
    const word = /^[\p{L}]+(?: [\p{L}]+)?/u.exec(after)?.[0] ?? '';
    const first = word.split(' ')[0];
    if (BACK_REF.has(first) && first !== 'trên') return 'back-reference';
    // `hai dự án trên đã ...`: trên closes the noun phrase (vs `trên địa bàn`).
    if (first === 'trên' && /^trên\s*(?:[,.;)]|$|(?:đã|được|có|là|sẽ|đang|cũng|thì|đều|vẫn|với|và)(?![\p{L}]))/u.test(after)) return 'back-reference';
    if (word === 'nói trên' || word === 'kể trên' || word === 'nêu trên') return 'back-reference';
    // `hai huyện Hướng Hóa và Đakrông`: the count only names the members that follow.
    // (Names start with a capital: most counts are followed by a lower-case word, and skip the regex.)
    const names = next && !startsUpper(next) ? null : NAMES.exec(text.slice(q.end, q.end + 120));
    if (names && Number.isInteger(q.value) && names[1].split(/\s*(?:,|và)\s*/u).length === q.value) return 'names the members of a set';
  }
  return null;
}


function buildFigure(q: QuantityMatch, text: string, sentence: Sentence, sentences: Sentence[], si: number,
  ctx: ArticleContext, cues: CueIndex, previous: RawFigure[]): RawFigure {
  const rules: Record<string, string> = {};
  const subject = subjectOf(q, text, sentence, previous);
  rules.subject = subject.rule;
  let modality = modalityOf(q, text, sentence, sentences, si, cues, (s) => ctx.pastYearIn(s));
  let measure = measureOf(q, text, sentence, cues);
  // `giảm 4.711 hộ; trong đó có 3.365 hộ nghèo`: the parts share the whole's modality and measure.
  const whole = breakdownWhole(text, sentence, q, previous, true);
  if (whole) {
    modality = { value: whole.modality, rule: `part of the breakdown of "${whole.text}"` };
    measure = { value: whole.measure, rule: `part of the breakdown of "${whole.text}"` };
  }
  rules.modality = modality.rule;
  rules.measure = measure.rule;
  const period = ctx.periodAt(q.start, sentence, sentences, si, q.end);
  if (period) rules.period = period.rule;
  const location = ctx.locationAt(q.start, sentence);
  if (location) rules.location = location.rule;
  rules.comparator = q.bound ? `bound word "${q.bound}"` : 'no bound word';
  if (q.impliedUnit) rules.unit = 'scale word in a sentence about money: đồng implied';

  const f: RawFigure = {
    text: q.text,
    start: q.start,
    end: q.end,
    value: q.value,
    unit: q.unit as string,
    comparator: q.comparator,
    modality: modality.value,
    measure: measure.value,
    sentence: sentence.text,
    sentenceStart: sentence.start,
    sentenceEnd: sentence.end,
    rules,
  };
  if (q.valueMax !== undefined) f.valueMax = q.valueMax;
  if (q.total !== undefined) f.total = q.total;
  if (q.noun) f.noun = q.noun;
  if (q.per) f.per = q.per;
  if (subject.value) f.subject = subject.value;
  if (period) f.period = period.value;
  if (location) f.location = location.value;
  return f;
}
