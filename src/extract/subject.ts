// What a figure measures: a short Vietnamese noun phrase built from the words around it,
// in the shape an analyst would write: "<who or what> <what happened to it>"
// (`hộ được hỗ trợ nhà ở`, `tỷ lệ hộ nghèo`, `dư nợ hộ nghèo vay vốn`).
import cues from '../data/cues.json' with { type: 'json' };
import type { QuantityMatch } from '../types.js';
import type { Attr } from './context.js';
import { clauseCut, type Sentence } from './sentences.js';
import { clauseCutBefore, lastBreakdownBefore, marksOf, regexHits, stopFrom, type SentenceMarks } from './subject-cache.js';
import { firstWords, isSpaceCode, joinWords, lastWords, splitWords as words, wordCount } from '../normalize/text.js';
import { PhraseSet } from '../normalize/phrases.js';

export interface PriorFigure { noun?: string; subject?: string; unit: string; start: number; end: number; sentenceStart: number }

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const lower = (s: string) => s.toLowerCase();
const TRAILING = new Set(cues.verbsBeforeFigure);
// The word after the first space of each TRAILING phrase: a two-word phrase can end only in one of them.
const TRAILING_SECOND = new Set(cues.verbsBeforeFigure.filter((w) => w.includes(' ')).map((w) => w.slice(w.indexOf(' ') + 1)));
// Long whole-word phrase lists, case-insensitive: (?<![\p{L}])(?:...)(?![\p{L}]) with flags `iu`.
// A PhraseSet reads them faster than the regex; short lists stay regexes, which V8 scans faster still.
const MONEY_HEAD = new PhraseSet(cues.moneyHeads, true);
const PREDICATE = new PhraseSet(cues.predicateStart, true);
const RATE_HEADS = /(?<![\p{L}])(?:tốc độ tăng|mức giảm|mức tăng|tỷ trọng|lãi suất|tỷ lệ|tỉ lệ)(?![\p{L}])/giu;
const RATE_WORDS = /(?<![\p{L}])(?:tỷ|tỉ) lệ(?![\p{L}])/giu;
const NEW_MONEY_ITEM = /(?<![\p{L}])(?:với tổng|tổng kinh phí|kinh phí|dư nợ|số tiền|với mức)(?![\p{L}])|\d/u;
// No `i` flag: it would make \p{Lu} match lower case and eat whole clauses as place names.
// Anchored: only an opener at the start of the clause counts, so the rest is not searched.
const SCENE = new RegExp(`^(?:${cues.sceneOpeners.join('|')})`, 'u');
// Read with `suffix`: (?<![\p{L}])(?:...)$, flags `iu`.
const ACTION_END = new PhraseSet(cues.actionVerbs, true);
const COUNT_UNITS = new Set(['household', 'person', 'turn', 'item']);
const MONEY = /^[A-Z]{3}$/;
const MEASURES = new Set(['ha', 'tonne', 'kg', 'km', 'm', 'm2', 'm3', 'litre', 'kWh', 'MW', 'gram']);
const VERB_HEAD = new RegExp(`^(?:${cues.verbMoneyHeads.map(esc).join('|')})$`, 'iu');
const PURPOSE = new RegExp(`(?:^|\\s)(?:để|nhằm|phục vụ)\\s+(.+)$`, 'iu');
const MONEY_NOUN = new RegExp(`^\\s*(?:${cues.moneyNouns.map(esc).join('|')})(?![\\p{L}])`, 'iu');
// Compared in lower case: for these letters that is what the `i` flag does (test/figures/phrases.test.ts).
const TIME_WORDS = new Set(['năm', 'cuối', 'đầu', 'tháng', 'ngày', 'đến', 'tới', 'vào', 'từ']);

/** `s` up to the first match of `re`: `s.split(re)[0]` without making the other parts. */
function upTo(s: string, re: RegExp): string {
  const i = s.search(re);
  return i < 0 ? s : s.slice(0, i);
}

/** The last of `previous` (in text order) in the sentence starting at `start`; earlier sentences end the search. */
function lastInSentence<T extends { sentenceStart: number }>(previous: readonly T[], start: number): T | undefined {
  for (let i = previous.length - 1; i >= 0 && previous[i].sentenceStart >= start; i--) {
    if (previous[i].sentenceStart === start) return previous[i];
  }
  return undefined;
}

/** What follows the last `a` or `b` in `s` (all of `s` without them): `s.split(/[ab]/).pop()`. */
function afterLast(s: string, a: string, b: string): string {
  return s.slice(Math.max(s.lastIndexOf(a), s.lastIndexOf(b)) + 1);
}

/** Whether s[from, to) is all white space. */
function allSpace(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return true;
}

/** Drops trailing function words, years and punctuation: `tỷ lệ hộ nghèo năm 2023 còn` -> `tỷ lệ hộ nghèo`. */
export function trimTail(phrase: string): string {
  const p = phrase.slice(0, punctTailStart(phrase));
  // Words are dropped from the end, read backwards: p[0..end) is kept.
  let end = wordEndBefore(p, p.length);
  while (end > 0) {
    const start = wordStartBefore(p, end);
    // The word without its trailing [,.:;=] (what the regex form dropped after lower-casing).
    let wordEnd = end;
    while (wordEnd > start && WORD_PUNCT.includes(p[wordEnd - 1])) wordEnd--;
    if (wordEnd > start && isDigitCode(p.charCodeAt(start))) {
      end = wordEndBefore(p, start);
      for (let s = wordStartBefore(p, end); end > 0 && TIME_WORDS.has(lower(p.slice(s, end))); s = wordStartBefore(p, end)) end = wordEndBefore(p, s);
      continue;
    }
    const last = lower(p.slice(start, wordEnd));
    const prevEnd = wordEndBefore(p, start);
    if (prevEnd > 0) {
      const prevStart = wordStartBefore(p, prevEnd);
      if (TRAILING_SECOND.has(last) && TRAILING.has(`${lower(p.slice(prevStart, prevEnd))} ${last}`)) { end = wordEndBefore(p, prevStart); continue; }
    }
    if (TRAILING.has(last) || last === '' || (last.length === 1 && '-–:,(='.includes(last))) { end = prevEnd; continue; }
    break;
  }
  const kept = joinWords(p.slice(0, end));
  let k = kept.length;
  while (k > 0 && ',;:'.includes(kept[k - 1])) k--;
  return k === kept.length ? kept : kept.slice(0, k).trim();
}

const WORD_PUNCT = ',.:;=';
const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** Where `s.replace(/[,:;(=]+\s*$/, '')` cuts `s`: the run of those marks before the trailing white space. */
function punctTailStart(s: string): number {
  const ws = wordEndBefore(s, s.length);
  let i = ws;
  while (i > 0 && ',:;(='.includes(s[i - 1])) i--;
  return i < ws ? i : s.length;
}

/** End of the last word of s[0..i) (after it only white space), 0 when there is none. */
function wordEndBefore(s: string, i: number): number {
  while (i > 0 && isSpaceCode(s.charCodeAt(i - 1))) i--;
  return i;
}

/** Start of the word that ends at `i`. */
function wordStartBefore(s: string, i: number): number {
  while (i > 0 && !isSpaceCode(s.charCodeAt(i - 1))) i--;
  return i;
}

/** Drops the scene words that open a clause: `Năm 2022, huyện Bạch Thông có` -> ``. */
function trimHead(phrase: string): string {
  let s = phrase.trim();
  for (let i = 0; i < 4; i++) {
    const m = SCENE.exec(s);
    if (!m || m.index !== 0) break;
    s = s.slice(m[0].length).trim();
  }
  return s.replace(/^[,;:\-–]\s*/, '');
}

/** The clause around a figure: from the last ; : ( before it to the next ; : ) after it. */
function segment(text: string, sentence: Sentence, q: QuantityMatch, marks: SentenceMarks): { left: string; right: string; colonBefore?: string } {
  // (The marks cover the sentence only: a figure running past its end takes the slow way.)
  const cutAt = q.matchStart <= sentence.end ? clauseCutBefore(marks, q.matchStart)
    : sentence.start + clauseCut(text.slice(sentence.start, q.matchStart));
  const left = text.slice(cutAt + 1, q.matchStart);
  let colonBefore: string | undefined;
  if (cutAt >= sentence.start && text[cutAt] === ':' && !left.trim()) {
    const pre = text.slice(sentence.start, cutAt);
    const c2 = Math.max(pre.lastIndexOf(';'), pre.lastIndexOf(':'), pre.lastIndexOf('.'));
    colonBefore = pre.slice(c2 + 1).trim();
  }
  // After the figure, without a leading `trở lên`, up to ; : ( ) or a dot before a space or the end.
  let from = q.end;
  let i = from;
  while (i < sentence.end && isSpaceCode(text.charCodeAt(i))) i++;
  if (text[i] === 't') {
    const m = /^\s*trở (?:lên|xuống)/u.exec(text.slice(from, sentence.end));
    if (m) from += m[0].length;
  }
  return { left, right: text.slice(from, stopFrom(marks, from)), colonBefore };
}

/** First comma-clause of a phrase, at most n words. */
function firstClause(s: string, n: number): string {
  return firstWords(upTo(s, /,\s/), n);
}

/** `hộ nghèo, hộ cận nghèo và các đối tượng ... được vay vốn ưu đãi` -> noun phrase + predicate, compressed. */
function compressClause(s: string, maxNp = 10, maxPred = 9): string {
  return predicateClause(s, maxNp, maxPred) ?? firstClause(s, maxNp + 2);
}

/** compressClause when `s` has a predicate, else undefined. */
function predicateClause(s: string, maxNp: number, maxPred: number): string | undefined {
  const at = PREDICATE.find(s);
  if (at < 0) return undefined;
  const np = firstWords(upTo(s.slice(0, at), /\s(?:và các|và những|cùng các)\s/u), maxNp).replace(/,$/, '');
  const pred = firstWords(upTo(s.slice(at), /,\s(?!\p{Ll}+\s\p{Ll}+,)/u), maxPred);
  return `${np} ${pred}`.trim();
}

/** What a clause reports doing: `thành phố đã cấp thẻ BHYT cho` -> `cấp thẻ BHYT`. */
function actionOf(left: string): string {
  const s = afterMarker(trimHead(left));
  return trimTail(s.slice(0, endBeforeCho(s)));
}

const MARKERS = ['đã', 'đang', 'sẽ', 'được', 'tiếp tục', 'thực hiện', 'tổ chức'];

/**
 * `s` after its first verb marker and the white space after it, keeping `tổ chức `:
 * s.replace(/^.*?(?:đã|đang|...|tổ chức)\s+/u, ...). indexOf per marker is faster than the lazy regex.
 */
export function afterMarker(s: string): string {
  let at = s.length;
  let marker = '';
  for (const m of MARKERS) {
    for (let i = s.indexOf(m); i >= 0 && i < at; i = s.indexOf(m, i + 1)) {
      if (i + m.length < s.length && isSpaceCode(s.charCodeAt(i + m.length))) { at = i; marker = m; break; }
    }
  }
  if (!marker) return s;
  for (let i = 0; i < at; i++) if (isLineEnd(s.charCodeAt(i))) return s; // `.` does not cross a line end
  return (marker === 'tổ chức' ? 'tổ chức ' : '') + s.slice(wordStartAfter(s, at + marker.length));
}

/** Line terminators, which `.` does not match. */
const isLineEnd = (c: number) => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;

/** First index from `i` that is not white space. */
function wordStartAfter(s: string, i: number): number {
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

/** Where s.replace(/\s+cho\s*$/u, '') cuts `s` (its length when there is no such `cho`). */
export function endBeforeCho(s: string): number {
  const end = wordEndBefore(s, s.length);
  const at = end - 3;
  if (at < 1 || !s.startsWith('cho', at) || !isSpaceCode(s.charCodeAt(at - 1))) return s.length;
  return wordEndBefore(s, at);
}

/** An action only when a verb marker introduces it (`đã cấp thẻ BHYT cho`), at most 6 words. */
function markedAction(clause: string): string {
  const m = /(?<![\p{L}])(?:đã|đang|sẽ|được|thực hiện)\s+([^,;:()]{3,60}?)\s+(?:cho|với|tại|đến|là)(?![\p{L}])/u.exec(clause);
  return m ? firstWords(trimTail(m[1]), 6) : '';
}

export function subjectOf(q: QuantityMatch, text: string, sentence: Sentence, previous: PriorFigure[]): Attr<string | undefined> {
  const { left, right, colonBefore } = segment(text, sentence, q, marksOf(text, sentence, previous));
  const unit = q.unit ?? '';
  const priorInSentence = lastInSentence(previous, sentence.start);
  // The words since the previous figure of the clause: `..., chiếm 5,85%`, `..., sửa chữa 30 triệu đồng/căn`.
  const clauseStart = q.matchStart - left.length;
  const local = priorInSentence && priorInSentence.end > clauseStart
    ? text.slice(priorInSentence.end, q.matchStart).replace(/^[\s,;)]*(?:trong đó:?|gồm:?)?\s*/u, '') : undefined;
  // trimTail(trimHead(local ?? left)) once worked out: several rules read it.
  let scopeCore: string | undefined;
  if (priorInSentence?.subject && local !== undefined) {
    const lw = lower(local.trim());
    if (unit === 'percent' && /^(?:chiếm|bằng|đạt)(?: tỷ lệ| khoảng)?$/u.test(lw) && COUNT_UNITS.has(priorInSentence.unit)) {
      return { value: `tỷ lệ ${priorInSentence.subject.replace(/^số\s+/u, '')}`, rule: '"N hộ, chiếm X%": the share of what was counted' };
    }
    if (unit === 'percent' && /^(?:tăng|giảm)(?: thêm)?$/u.test(lw)) {
      const base = priorInSentence.unit === 'percent' ? priorInSentence.subject : `${lw === 'tăng' ? 'mức tăng' : 'mức giảm'} ${priorInSentence.subject}`;
      return { value: base, rule: '"X, tăng Y%": the change of the figure before' };
    }
    if (MONEY.test(unit) && priorInSentence.unit === unit && lw && wordCount(lw) <= 3 && MONEY_HEAD.find(lw) < 0) {
      const h = headPhrase(MONEY_HEAD.hits(priorInSentence.subject), priorInSentence.subject) ?? '';
      if (h) return { value: `${h} ${trimTail(local.trim())}`, rule: 'list item: the head of the amount before' };
    }
  }

  // `số hộ nghèo còn 3.675 hộ (giảm 1.225 hộ)`: a figure in brackets after another of its unit.
  if (priorInSentence?.subject && priorInSentence.unit === unit && /^\s*\(\s*[\p{L} ]{0,12}$/u.test(text.slice(priorInSentence.end, q.matchStart))) {
    return { value: priorInSentence.subject, rule: 'bracketed figure about the same thing' };
  }

  if (COUNT_UNITS.has(unit)) {
    const noun = q.noun ?? '';
    // The noun already holds its modifiers (hộ nghèo): do not repeat them from the right context.
    const unitWords = Math.max(wordCount(q.text) - 1, 1);
    const mods = words(noun).slice(unitWords);
    // A money head starts a new item: `48 hộ ... nước sinh hoạt kinh phí thực hiện 144 triệu đồng`.
    const rightHere = upTo(right, NEW_MONEY_ITEM);
    // `lao động thuộc hộ nghèo, hộ cận nghèo được tư vấn`: keep the predicate past the commas.
    // (Trimming does not change whether PREDICATE, bounded by non-letters, is found.)
    let r = words(predicateClause(rightHere.trim(), 10, 8) ?? firstClause(rightHere, 10));
    if (mods.length && r.slice(0, mods.length).map(lower).join(' ') === mods.map(lower).join(' ')) r = r.slice(mods.length);
    const after = r.join(' ');
    // Only the words since the previous figure describe this one.
    const l = (local ?? left).trimEnd();
    // `cho 330 học viên trong đó hộ nghèo 04 người`: a part of a counted group is named by the group.
    const whole = breakdownWhole(text, sentence, q, previous);
    const core = (scopeCore = trimTail(trimHead(l))); // trimHead trims `l` anyway
    if (!after && whole?.noun && COUNT_UNITS.has(whole.unit) && core && ACTION_END.suffix(core) < 0 && wordCount(core) <= 6) {
      const link = /^(hộ|người|gia đình)/iu.test(core) ? ' thuộc ' : ' ';
      return { value: `${whole.noun}${link}${core.replace(/^(?:các|những)\s+/u, '')}`, rule: 'part of a breakdown: the group and the part' };
    }
    // `cấp thẻ BHYT cho 896 người nghèo, 1.148 người cận nghèo`: a list goes on with the same predicate.
    const prior = priorInSentence;
    if (!after && prior?.subject && prior.noun && prior.unit === unit && /^\s*(?:,|và|,\s*và)?\s*$/u.test(text.slice(prior.end, q.matchStart))
        && lower(prior.subject).startsWith(lower(prior.noun))) {
      const pred = prior.subject.slice(prior.noun.length).trim();
      if (pred) return { value: `${noun} ${pred}`, rule: 'list item: the predicate of the item before' };
    }
    // `cho trên 500 người là cán bộ làm công tác giảm nghèo`: the apposition names who they are.
    const la = /^\s*là\s+(.+)$/u.exec(right);
    if (la) {
      const np = firstClause(la[1], 8);
      const act = /(?:^|\s)cho$/u.test(l) ? lastWords(actionOf(l), 4) : '';
      return { value: act ? `${np} được ${act}` : np, rule: '"N là X": the apposition' };
    }
    if (/(?:^|\s)cho$/u.test(l)) {
      // `giải ngân hơn 1.250 tỷ đồng cho 24.000 lượt hộ`: the action is the clause's, without the figure.
      const act = actionOf(wordCount(l) > 1 ? l : left.replace(priorInSentence ? text.slice(priorInSentence.start, priorInSentence.end) : '\u0000', ''));
      if (act) return { value: `${noun} được ${act}`, rule: '"V cho N": the counted noun and the action' };
    }
    if (after && PREDICATE.find(`${upTo(after, / /)} `) >= 0) return { value: `${noun} ${after}`, rule: 'counted noun and what follows it' };
    const head = lower(firstWords(noun, 1));
    // `hộ cận nghèo giảm còn 513 hộ`: the clause's own subject names the count.
    if (core && head && /(?:^|\s)(?:có|còn|đạt|là|xuống|lên)$/u.test(l) && lower(core).split(' ').includes(head)) {
      return { value: core.replace(/^(?:các|những)\s+/u, ''), rule: 'the clause subject names what is counted' };
    }
    const verbAt = core ? ACTION_END.suffix(core) : -1;
    if (verbAt >= 0) {
      // `tổ chức 02 lớp tập huấn`: the object's own words say what it is.
      if (after) return { value: `${noun} ${after}`, rule: 'verb then count: the noun and its modifiers' };
      const verb = core.slice(verbAt);
      const topic = lastWords(core.slice(0, core.length - verb.length), 8);
      return { value: `${noun} được ${verb}${topic ? ` ${topic}` : ''}`, rule: 'verb then count: the topic before the verb' };
    }
    if (core && !/(?:^|\s)(?:có|còn|đạt|giảm|tăng|với|gồm)$/u.test(l) && wordCount(core) >= 2) {
      return { value: `${noun} ${core}${after ? ` ${after}` : ''}`.trim(), rule: 'counted noun and the topic before it' };
    }
    if (colonBefore) return { value: `${noun} ${trimHead(colonBefore)}`, rule: 'list heading before a colon' };
    const s = [noun, after].filter(Boolean).join(' ');
    if (s) return { value: s, rule: 'counted noun and the words after it' };
  }

  if (unit === 'percent') {
    // 398/414 (= 96,13%): the percent of the ratio before it.
    if (priorInSentence?.subject && /\(\s*=?\s*$/.test(text.slice(priorInSentence.end, q.matchStart)) && priorInSentence.unit !== 'percent') {
      return { value: `tỷ lệ ${priorInSentence.subject}`, rule: 'percent of the ratio before it' };
    }
    const first = lower(firstWords(right, 1));
    // đạt 103,8% kế hoạch: performance against a plan.
    // Only the start is tested: lower-case just that (16 code units cover the 8 letters tested).
    if (/^(kế hoạch|chỉ tiêu)/u.test(lower(right.trim().slice(0, 16))) && /(?:^|\s)(đạt|vượt)\s*$/u.test(left)) {
      const act = actionOf(left.replace(/,?\s*(đạt|vượt)\s*$/u, ''));
      return { value: `tỷ lệ đạt ${firstClause(right, 3)}${act ? ` ${act}` : ''}`, rule: 'percent of a plan achieved' };
    }
    const headText = headChain(regexHits(RATE_HEADS, left), left);
    if (headText) {
      const hit = regexHits(RATE_HEADS, headText);
      const headWord = hit.length ? headText.slice(hit[0], hit[1]) : '';
      let s = trimTail(headText);
      if (s.length < headWord.length) s = headWord;
      if (/^mức (giảm|tăng)$/u.test(lower(s))) {
        const rate = lastMatchFrom(RATE_WORDS, left.slice(0, left.length - headText.length));
        if (rate) s = `${s} ${firstWords(trimTail(rate), 4)}`;
      }
      if (wordCount(s) <= 2) {
        // `có 539 hộ nghèo, tỷ lệ 0,61%`: the rate of what was just counted.
        if (priorInSentence?.noun && COUNT_UNITS.has(priorInSentence.unit)) s = `${s} ${priorInSentence.noun}`;
        else if (right.trim() && !TRAILING.has(first)) s = `${s} ${firstClause(right, 6)}`;
      }
      return { value: s, rule: 'rate head before the figure' };
    }
    // `phủ sóng 4G tới 100% thôn, bản`: the percent of the objects the action reached.
    if (/(?:^|\s)(?:tới|cho|đến)\s*$/u.test(left) && right.trim() && !TRAILING.has(first)) {
      const act = actionOf(left.replace(/\s*(?:tới|cho|đến)\s*$/u, ''));
      const np = compressClause(right.trim().replace(/^(?:các|những)\s+/u, ''), 8, 6);
      return { value: act ? `${np} được ${act}` : np, rule: '"V tới X%": the objects and the action' };
    }
    const verbish = !first || TRAILING.has(first) || ['so', 'vượt', 'mỗi', 'trong', 'và', 'hoặc', 'năm', 'trên', 'tổng', 'kế', 'chỉ'].includes(first);
    if (!verbish) {
      const s = compressClause(right.trim().replace(/^(?:các|những)\s+/u, '')).replace(/^số\s+/u, 'tỷ lệ ');
      return { value: s, rule: 'noun phrase after the percent' };
    }
    const s = trimTail(trimHead(left));
    if (s) return { value: /^(tỷ|tỉ) lệ/iu.test(s) ? s : `tỷ lệ ${lastWords(s, 8)}`, rule: 'noun phrase before the percent' };
  }

  if (MONEY.test(unit)) {
    // Only the words since the previous figure of the clause describe this amount.
    const scope = local ?? left;
    const headText = headChain(MONEY_HEAD.hits(scope), scope);
    let s = headText ? trimTail(headText) : '';
    if (!s && local !== undefined && priorInSentence?.unit === unit && priorInSentence.subject) {
      // `giá 450.000 đồng thì nay đã 700.000 đồng`: the same head as the amount before.
      s = headPhrase(MONEY_HEAD.hits(priorInSentence.subject), priorInSentence.subject) ?? '';
    }
    // `Vốn hỗ trợ sản xuất đã giải ngân 2 tỷ đồng`: a verb head takes the thing it acts on.
    if (headText && VERB_HEAD.test(s)) {
      // `giải ngân 2 tỷ đồng vốn hỗ trợ sản xuất`: the money noun often follows the amount.
      const topic = MONEY_NOUN.test(right) ? firstClause(upTo(right, /\d/), 6) : trimTail(trimHead(scope.slice(0, scope.length - headText.length)));
      if (topic) s = MONEY_NOUN.test(right) ? `${topic} ${s}` : `${lastWords(topic, 6)} ${s}`;
    } else if (!headText && MONEY_NOUN.test(right)) {
      // `bố trí 24 tỷ đồng kinh phí hỗ trợ sinh kế`
      s = firstClause(upTo(right, /\d/), 8);
    }
    if (!s) s = scopeCore ??= trimTail(trimHead(scope));
    if (!s && colonBefore) s = firstWords(trimHead(colonBefore), 14);
    // `bố trí 24 tỷ đồng để hỗ trợ sinh kế cho hộ nghèo`: what the money is for.
    const purpose = PURPOSE.exec(right);
    if (purpose && wordCount(s) <= 3) s = `${s} ${firstClause(purpose[1], 8)}`.trim();
    if (s && !headText && s !== s.trim() && /^(?:dự kiến|sẽ|phấn đấu)?\s*$/u.test(scopeCore ??= trimTail(trimHead(scope)))) s = s.trim();
    if (wordCount(s) <= 4) {
      // `416 hộ nghèo vay vốn, dư nợ 25.796 triệu đồng`: the money of what was just counted.
      const prior = priorInSentence && COUNT_UNITS.has(priorInSentence.unit) && !/[;]/.test(text.slice(priorInSentence.end, q.matchStart))
        ? priorInSentence.subject : undefined;
      const act = prior ?? markedAction(afterLast(text.slice(sentence.start, q.matchStart), ';', ':'));
      if (act && !lower(s).includes(lower(act))) s = `${s} ${act}`.trim();
    }
    if (s) return { value: firstWords(s, 14), rule: headText ? 'money head and what it pays for' : 'words before the figure' };
  }

  if (MEASURES.has(unit)) {
    // `trồng mới 1.200 ha rừng sản xuất`, `289,6 tấn gạo hỗ trợ học sinh`: the material follows the unit.
    const material = firstClause(right, 8);
    const verb = lastWords(scopeCore ??= trimTail(trimHead(local ?? left)), 3);
    const m = [material, verb].filter(Boolean).join(' ');
    if (m) return { value: m, rule: 'measured material after the unit and the action before' };
  }

  const s = (local === undefined && scopeCore !== undefined ? scopeCore : trimTail(trimHead(left))) || firstClause(right, 6);
  return s ? { value: lastWords(s, 10), rule: 'words around the figure' } : { value: undefined, rule: 'no subject found' };
}

/** The figure a `trong đó` part belongs to: before the last `trong đó` of the sentence. */
export function breakdownWhole<F extends Pick<PriorFigure, 'sentenceStart' | 'end' | 'unit'>>(
  text: string, sentence: Sentence, q: QuantityMatch, previous: F[], sameUnit = false): F | undefined {
  const abs = lastBreakdownBefore(marksOf(text, sentence, previous), q.matchStart);
  if (abs < 0) return undefined;
  // `previous` is in text order: the search ends at the figures of earlier sentences.
  for (let i = previous.length - 1; i >= 0 && previous[i].sentenceStart >= sentence.start; i--) {
    const p = previous[i];
    if (p.sentenceStart === sentence.start && p.end <= abs && (!sameUnit || p.unit === q.unit)) return p;
  }
  return undefined;
}

/** The first head phrase, with the heads right after it: `Mức hỗ trợ xây mới` -> `Mức hỗ trợ`. `hits`: of the heads in `s`. */
function headPhrase(hits: number[], s: string): string | undefined {
  if (!hits.length) return undefined;
  let k = 2;
  while (k < hits.length && allSpace(s, hits[k - 1], hits[k])) k += 2;
  return s.slice(hits[0], hits[k - 1]);
}

/** From the last head in `s` to the end, with the heads right before it: `kinh phí hỗ trợ`. `hits`: of the heads in `s`. */
function headChain(hits: number[], s: string): string | undefined {
  if (!hits.length) return undefined;
  let k = hits.length - 2;
  while (k > 0 && allSpace(s, hits[k - 1], hits[k])) k -= 2;
  return s.slice(hits[k]);
}

/** Text from the last match of `g` (a global regex) in `s` to the end of `s`. */
function lastMatchFrom(g: RegExp, s: string): string | undefined {
  const hits = regexHits(g, s);
  return hits.length ? s.slice(hits[hits.length - 2]) : undefined;
}
