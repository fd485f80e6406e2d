// Is a figure a result or a target (modality), a level or a change (measure)?
import cues from '../data/cues.json' with { type: 'json' };
import type { Measure, Modality, QuantityMatch } from '../types.js';
import type { ArticleContext, Attr } from './context.js';
import type { Sentence } from './sentences.js';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordsRe = (list: string[]) => new RegExp(`(?<![\\p{L}])(?:${[...list].sort((a, b) => b.length - a.length).map(esc).join('|')})(?![\\p{L}])`, 'giu');
const TARGET = wordsRe(cues.target);
const NOT_TARGET = wordsRe(cues.targetNotAfter);
const ACTUAL = wordsRe(cues.actual);
const CHANGE = wordsRe(cues.change);
const LEVEL_AFTER = wordsRe(cues.levelAfterChange);
const ACTUAL_AFTER = wordsRe(cues.actualAfter);
const TASK = new RegExp(`^(?:${cues.taskOpeners.map(esc).join('|')})(?![\\p{L}])`, 'u');
const DONE = /(?<![\p{L}])(?:đã|đạt được|kết quả)(?![\p{L}])/iu;

function lastMatch(re: RegExp, s: string): { at: number; text: string } | undefined {
  re.lastIndex = 0;
  let last: { at: number; text: string } | undefined;
  for (let m = re.exec(s); m; m = re.exec(s)) last = { at: m.index, text: m[0] };
  return last;
}

/** Hides phrases like `vượt kế hoạch` so their cue words do not count. */
function mask(s: string): string {
  return s.replace(NOT_TARGET, (m) => '_'.repeat(m.length));
}

const planCache = new WeakMap<Sentence[], boolean>();

/** Whole articles can be plans: many target cues, few reported results. */
function articleIsPlan(text: string, sentences: Sentence[], title?: string): boolean {
  const cached = planCache.get(sentences);
  if (cached !== undefined) return cached;
  // A headline that announces a goal (`Hải Dương: Phấn đấu giảm tỷ lệ hộ nghèo`) makes the article a plan.
  const headline = mask(title ?? sentences[0]?.text.split('\n')[0] ?? '');
  if (/(?<![\p{L}])(phấn đấu|mục tiêu|kế hoạch|chỉ tiêu|dự kiến)(?![\p{L}])/iu.test(headline) && !/(?<![\p{L}])đã(?![\p{L}])/iu.test(headline)) {
    planCache.set(sentences, true);
    return true;
  }
  const body = mask(text);
  const targets = (body.match(TARGET) ?? []).length;
  const done = (body.match(/(?<![\p{L}])(đã|đạt được|kết quả)(?![\p{L}])/giu) ?? []).length;
  const plan = targets >= 4 && targets > done * 2;
  planCache.set(sentences, plan);
  return plan;
}

export function modalityOf(q: QuantityMatch, text: string, sentence: Sentence, sentences: Sentence[], si: number,
  ctx: ArticleContext): Attr<Modality> {
  const before = mask(text.slice(sentence.start, q.matchStart));
  const t = lastMatch(TARGET, before);
  const a = lastMatch(ACTUAL, before);
  if (t && (!a || t.at > a.at)) return { value: 'target', rule: `target cue "${t.text}" before the figure` };
  if (a) return { value: 'actual', rule: `result cue "${a.text}" before the figure` };
  // `chỉ còn 1,75%, đạt mục tiêu đề ra`: a result measured against its target.
  const afterText = text.slice(q.end, sentence.end);
  ACTUAL_AFTER.lastIndex = 0;
  const aa = ACTUAL_AFTER.exec(afterText);
  if (aa) return { value: 'actual', rule: `result cue "${aa[0]}" after the figure` };
  // A paragraph that sets out a plan: its later sentences are targets too.
  for (let k = si - 1; k >= 0 && sentences[k].paragraph === sentence.paragraph; k--) {
    const s = mask(sentences[k].text);
    const pt = lastMatch(TARGET, s);
    const pa = lastMatch(ACTUAL, s);
    if (pt && (!pa || pt.at > pa.at)) return { value: 'target', rule: `paragraph sets a target ("${pt.text}")` };
    if (pa) return { value: 'actual', rule: `paragraph reports results ("${pa.text}")` };
  }
  // A paragraph of tasks (`Thực hiện hiệu quả ... . 90% hộ nghèo được vay vốn`) with no reported result.
  const first = sentences.find((x) => x.paragraph === sentence.paragraph);
  if (first && TASK.test(first.text) && !sentences.some((x) => x.paragraph === sentence.paragraph && DONE.test(mask(x.text)))) {
    return { value: 'target', rule: 'paragraph is a list of tasks' };
  }
  if (articleIsPlan(text, sentences, ctx.title)) return { value: 'target', rule: 'the article is a plan' };
  return { value: 'actual', rule: 'default: reported figure' };
}

export function measureOf(q: QuantityMatch, text: string, sentence: Sentence): Attr<Measure> {
  // The clause before the figure: back to ; : ( or the sentence start.
  const before = text.slice(sentence.start, q.matchStart);
  const cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf('('), before.lastIndexOf(':'));
  const clause = before.slice(cut + 1);
  const after = text.slice(q.end, Math.min(sentence.end, q.end + 30));
  if (/^\s*(?:\)?\s*)?so (?:với|cùng kỳ)/iu.test(after)) return { value: 'change', rule: '"so với" after the figure' };
  const c = lastMatch(CHANGE, clause);
  if (!c) return { value: 'level', rule: 'no change word before the figure' };
  const between = clause.slice(c.at + c.text.length);
  const lv = lastMatch(LEVEL_AFTER, between);
  if (lv) return { value: 'level', rule: `"${c.text} … ${lv.text}" states a level` };
  // Another number between the change word and this figure takes the change word for itself.
  if (/\d/.test(between.replace(/(?:19|20)\d\d/g, ''))) return { value: 'level', rule: 'change word belongs to an earlier figure' };
  return { value: 'change', rule: `change word "${c.text}" before the figure` };
}
