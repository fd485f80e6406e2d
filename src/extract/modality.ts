// Is a figure a result or a target (modality), a level or a change (measure)?
// Cue words are found once per article (CueIndex); each figure then looks them up by offset.
import cues from '../data/cues.json' with { type: 'json' };
import type { Measure, Modality, QuantityMatch } from '../types.js';
import type { Attr } from './context.js';
import { CuePhrases, resolve, type Hit } from './cuewords.js';
import { clauseCut, type Sentence } from './sentences.js';
import type { Token } from './tokens.js';
import { isSpaceCode } from '../normalize/text.js';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Word boundaries as explicit Vietnamese letter ranges: much cheaper than \p{L} lookarounds.
const L = 'a-zA-Z\\u00C0-\\u024F\\u1E00-\\u1EFF';
const wordsRe = (list: string[]) =>
  new RegExp(`(?<![${L}])(?:${[...list].sort((a, b) => b.length - a.length).map(esc).join('|')})(?![${L}])`, 'g');
const HEADLINE_GOAL = wordsRe(['phấn đấu', 'mục tiêu', 'kế hoạch', 'chỉ tiêu', 'dự kiến']);
const TASK = new RegExp(`^(?:${cues.taskOpeners.map(esc).join('|')})(?![${L}])`);

/** `vượt kế hoạch`, `chương trình mục tiêu`: not targets; they mask the target, result and `đã` cues. */
const NOT_TARGET = wordsRe(cues.targetNotAfter);
// The article's cue lists, found in one pass over its lower-cased text (cuewords.ts).
const LISTS = {
  target: cues.target, notTarget: cues.targetNotAfter, actual: cues.actual, change: cues.change, changeNot: cues.changeNot,
  level: cues.levelAfterChange, actualAfter: cues.actualAfter, done: ['đã', 'đạt được', 'kết quả'],
};
const CUE_PHRASES = new CuePhrases(LISTS);

/** The last hit starting in [from, to), by binary search. */
function lastIn(list: Hit[], from: number, to: number): Hit | undefined {
  let lo = 0, hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid].at < to) lo = mid + 1; else hi = mid; }
  const h = list[lo - 1];
  return h && h.at >= from ? h : undefined;
}

/** Cue words of one article, found once. Lower-cased text; `vượt kế hoạch` and programme names masked. */
export class CueIndex {
  readonly target: Hit[];
  readonly actual: Hit[];
  readonly change: Hit[];
  readonly level: Hit[];
  readonly actualAfter: Hit[];
  readonly done: Hit[];
  /** Per sentence: the last modality cue in it ('target' | 'actual'), or null; found when first asked for. */
  private readonly sentenceCue: Array<{ value: Modality; text: string } | null | undefined> = [];
  readonly isPlan: boolean;

  /** `tokens`, the text's tokens when at hand, save reading the text again. */
  constructor(text: string, readonly sentences: Sentence[], title?: string, tokens?: Token[]) {
    const lower = text.toLowerCase();
    // Offsets are those of the lower-cased text (as the regexes had them); the tokens' are the text's.
    const cand = tokens && lower.length === text.length ? CUE_PHRASES.candidatesIn(lower, tokens) : CUE_PHRASES.candidates(lower);
    // Target, result and `đã` cues are read with `vượt kế hoạch` etc. masked out.
    const masks = resolve(cand.notTarget);
    // `đạt 87,5% kế hoạch vốn`: a plan named after a percent is the yardstick of a result.
    this.target = resolve(cand.target, masks).filter((h) => !/%\s*$/.test(lower.slice(Math.max(0, h.at - 3), h.at)));
    this.actual = resolve(cand.actual, masks);
    // `giảm nghèo` (poverty reduction) and `tăng cường` (strengthen) are names, not changes.
    this.change = resolve(cand.change, resolve(cand.changeNot));
    this.level = resolve(cand.level);
    this.actualAfter = resolve(cand.actualAfter);
    this.done = resolve(cand.done, masks);
    this.isPlan = planArticle(this.target.length, this.done.length, title, sentences);
  }

  /** The later of the last target and last result cue in [from, to). */
  lastCue(from: number, to: number): { value: Modality; text: string } | undefined {
    const t = lastIn(this.target, from, to);
    const a = lastIn(this.actual, from, to);
    if (t && (!a || t.at > a.at)) return { value: 'target', text: t.text };
    if (a) return { value: 'actual', text: a.text };
    return undefined;
  }

  cueOfSentence(i: number): { value: Modality; text: string } | undefined {
    let c = this.sentenceCue[i];
    if (c === undefined) {
      const s = this.sentences[i];
      c = this.sentenceCue[i] = this.lastCue(s.start, s.end) ?? null;
    }
    return c ?? undefined;
  }

  /** True when a sentence of the paragraph reports a result (`đã`, `kết quả`). */
  paragraphHasResult(paragraph: number): boolean {
    return this.sentences.some((s) => s.paragraph === paragraph && lastIn(this.done, s.start, s.end) !== undefined);
  }
}

/**
 * /(?<![a-zà-ỹđ])từ\s*$/iu.test(s), reading only its end: the regex would try every offset of s.
 * (The last four code units after trimming hold `từ` and, surrogate pairs included, the one before.)
 */
function endsWithTu(s: string): boolean {
  const t = s.trimEnd();
  return TU_AT_END.test(t.length > 4 ? t.slice(-4) : t);
}
const TU_AT_END = /(?<![a-zà-ỹđ])từ$/iu;

/** Whole articles can be plans: a headline that announces a goal, or many target cues and few results. */
function planArticle(targets: number, done: number, title: string | undefined, sentences: Sentence[]): boolean {
  const headline = (title ?? sentences[0]?.text.split('\n')[0] ?? '').toLowerCase().replace(NOT_TARGET, (m) => '_'.repeat(m.length));
  HEADLINE_GOAL.lastIndex = 0;
  if (HEADLINE_GOAL.test(headline) && !/(?<![a-zà-ỹđ])đã(?![a-zà-ỹđ])/.test(headline)) return true;
  return targets >= 4 && targets > done * 2;
}

export function modalityOf(q: QuantityMatch, text: string, sentence: Sentence, sentences: Sentence[], si: number, cues: CueIndex,
  pastYear?: (sentence: Sentence) => number | undefined): Attr<Modality> {
  const c = cues.lastCue(sentence.start, q.matchStart);
  if (c) return { value: c.value, rule: `${c.value === 'target' ? 'target' : 'result'} cue "${c.text}" before the figure` };
  // `chỉ còn 1,75%, đạt mục tiêu đề ra`: a result measured against its target.
  const aa = lastIn(cues.actualAfter, q.end, sentence.end);
  if (aa) return { value: 'actual', rule: `result cue "${aa.text}" after the figure` };
  // A paragraph that sets out a plan: its later sentences are targets too.
  for (let k = si - 1; k >= 0 && sentences[k].paragraph === sentence.paragraph; k--) {
    const pc = cues.cueOfSentence(k);
    if (pc) return { value: pc.value, rule: pc.value === 'target' ? `paragraph sets a target ("${pc.text}")` : `paragraph reports results ("${pc.text}")` };
  }
  // A paragraph of tasks (`Thực hiện hiệu quả ... . 90% hộ nghèo được vay vốn`) with no reported result.
  let fi = si;
  while (fi > 0 && sentences[fi - 1].paragraph === sentence.paragraph) fi--;
  const first = sentences[fi];
  if (first && TASK.test(first.text) && !cues.paragraphHasResult(sentence.paragraph)) {
    return { value: 'target', rule: 'paragraph is a list of tasks' };
  }
  if (cues.isPlan) {
    // A plan article still reports the past: `Năm 2023, thu nhập đạt 52 - 55 triệu đồng`.
    const y = pastYear?.(sentence);
    if (y) return { value: 'actual', rule: `a past year (${y}) in a plan article` };
    return { value: 'target', rule: 'the article is a plan' };
  }
  void text;
  return { value: 'actual', rule: 'default: reported figure' };
}

export function measureOf(q: QuantityMatch, text: string, sentence: Sentence, cues: CueIndex): Attr<Measure> {
  if (soAfter(text, q.end, Math.min(sentence.end, q.end + 30))) return { value: 'change', rule: '"so với" after the figure' };
  // The last change word before the figure counts only in its clause (back to ; : ( or the sentence
  // start), which is found only when there is one: most figures have none.
  const c = lastIn(cues.change, sentence.start, q.matchStart);
  if (!c || c.at < sentence.start + clauseCut(text.slice(sentence.start, q.matchStart)) + 1) {
    return { value: 'level', rule: 'no change word before the figure' };
  }
  // `giảm còn` is itself a level phrase starting where the change word does.
  // `giảm từ 18,5% ... xuống còn 15,2%`: the figure after `từ` is the starting level.
  if (endsWithTu(text.slice(c.end, q.matchStart))) return { value: 'level', rule: '"từ X": the level a change starts from' };
  const lv = lastIn(cues.level, c.at, q.matchStart);
  if (lv && lv.end > c.end) return { value: 'level', rule: `"${c.text} … ${lv.text}" states a level` };
  // Another number between the change word and this figure takes the change word for itself.
  const between = text.slice(c.end, q.matchStart);
  if (/\d/.test(between.replace(/(?:19|20)\d\d/g, ''))) return { value: 'level', rule: 'change word belongs to an earlier figure' };
  return { value: 'change', rule: `change word "${c.text}" before the figure` };
}

const SO_AFTER = /^\s*(?:\)?\s*)?so (?:với|cùng kỳ)/iu;

/**
 * SO_AFTER.test(text.slice(from, to)), with the slice and the regex only when the first non-blank
 * character can start a match: `)` or s (under /iu: s, S or ſ). Most figures are followed by neither.
 */
function soAfter(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isSpaceCode(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return i < to && (c === 41 || c === 115 || c === 83 || c === 0x17f) && SO_AFTER.test(text.slice(from, to));
}
