// What a figure measures: a short Vietnamese noun phrase taken from the words around it.
import cues from '../data/cues.json' with { type: 'json' };
import type { QuantityMatch } from '../types.js';
import type { Attr } from './context.js';
import type { Sentence } from './sentences.js';

interface Prior { noun?: string; subject?: string; end: number; sentenceStart: number; unit: string }

const lower = (s: string) => s.toLocaleLowerCase('vi');
const STOP = [...cues.subjectStop].sort((a, b) => b.length - a.length);
const TRAILING = new Set(cues.verbsBeforeFigure);
const MONEY_HEADS = [...cues.moneyHeads].sort((a, b) => b.length - a.length);
const RATE_HEADS = ['tỷ lệ', 'tỉ lệ', 'mức giảm', 'mức tăng', 'tốc độ tăng', 'tỷ trọng', 'lãi suất'];
const COUNT_UNITS = new Set(['household', 'person', 'turn', 'item']);
const MONEY = /^[A-Z]{3}$/;

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** Drops trailing verbs, years and punctuation: `tỷ lệ hộ nghèo năm 2023 còn` -> `tỷ lệ hộ nghèo`. */
function trimTail(phrase: string): string {
  let w = words(phrase.replace(/[,:;(]+\s*$/, ''));
  for (let changed = true; changed && w.length;) {
    changed = false;
    const last = lower(w[w.length - 1]).replace(/[,.:;]+$/, '');
    const two = w.length > 1 ? `${lower(w[w.length - 2])} ${last}` : '';
    if (/^(?:19|20)\d\d$/.test(last) || /^\d/.test(last)) { w = w.slice(0, -1); if (/^(năm|cuối|đầu)$/i.test(w[w.length - 1] ?? '')) w = w.slice(0, -1); changed = true; continue; }
    if (two && TRAILING.has(two)) { w = w.slice(0, -2); changed = true; continue; }
    if (TRAILING.has(last) || last === '' || /^[-–:,(]$/.test(last)) { w = w.slice(0, -1); changed = true; }
  }
  return w.join(' ').replace(/[,;:]+$/, '').trim();
}

/** The words after a figure up to a clause break or a stop word, at most `max` words. */
function rightPhrase(text: string, from: number, sentenceEnd: number, max: number, commas: boolean): string {
  const rest = text.slice(from, sentenceEnd);
  const stopAt = commas ? /[;:.()\n]|,\s/ : /[;:.()\n]/;
  const cut = rest.search(stopAt);
  let s = cut >= 0 ? rest.slice(0, cut) : rest;
  const lw = lower(s);
  let best = s.length;
  for (const st of STOP) {
    const re = new RegExp(`(?<![\\p{L}])${st.replace(/[()]/g, '\\$&')}(?![\\p{L}])`, 'u');
    const m = re.exec(lw);
    if (m && m.index < best && m.index > 0) best = m.index;
  }
  s = s.slice(0, best);
  return words(s).slice(0, max).join(' ').replace(/[,;]+$/, '');
}

/** The clause before the figure: back to ; : ( or the sentence start. */
function leftClause(text: string, sentence: Sentence, at: number): string {
  const before = text.slice(sentence.start, at);
  const cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf('('), before.lastIndexOf(':'));
  return before.slice(cut + 1);
}

function findHead(clause: string, heads: string[]): string | undefined {
  const l = lower(clause);
  let best: { at: number; len: number } | undefined;
  for (const h of heads) {
    const re = new RegExp(`(?<![\\p{L}])${h}(?![\\p{L}])`, 'gu');
    for (let m = re.exec(l); m; m = re.exec(l)) {
      if (!best || m.index > best.at || (m.index === best.at && h.length > best.len)) best = { at: m.index, len: h.length };
    }
  }
  return best ? clause.slice(best.at) : undefined;
}

/** The activity of a sentence: `Thành phố đã cấp thẻ BHYT cho ...` -> `cấp thẻ BHYT`. */
function activity(text: string, sentence: Sentence, at: number): string | undefined {
  const s = text.slice(sentence.start, at);
  const m = /(?:đã|được|thực hiện|tổ chức)\s+([^,;:()]{3,60}?)\s+(?:cho|với|tại|đến)\s/u.exec(s);
  return m ? words(m[1]).slice(0, 6).join(' ') : undefined;
}

export function subjectOf(q: QuantityMatch, text: string, sentence: Sentence, previous: Prior[]): Attr<string | undefined> {
  const left = leftClause(text, sentence, q.matchStart);
  const unit = q.unit ?? '';

  if (COUNT_UNITS.has(unit)) {
    const noun = q.noun ?? '';
    const right = rightPhrase(text, q.end, sentence.end, 8, true);
    // The noun already holds its modifiers (hộ nghèo): do not repeat them from the right context.
    const unitWords = words(q.text).length - 1;
    const mods = words(noun).slice(Math.max(unitWords, 1));
    let rw = words(right);
    if (mods.length && rw.slice(0, mods.length).map(lower).join(' ') === mods.map(lower).join(' ')) rw = rw.slice(mods.length);
    const extra = rw.join(' ');
    let subject = [noun, extra].filter(Boolean).join(' ').trim();
    const cho = /(?:^|\s)([^,;:()]{2,60}?)\s+cho\s*$/u.exec(left);
    if (cho && words(subject).length <= 3) {
      const verb = trimTail(cho[1].replace(/^.*(?:đã|được|đang|sẽ|thực hiện)\s+/u, ''));
      if (verb) return { value: `${subject} được ${verb}`, rule: '"V cho N": the counted noun and the action' };
    }
    if (subject) return { value: subject, rule: 'counted noun and the words after it' };
  }

  if (unit === 'percent') {
    const right = rightPhrase(text, q.end, sentence.end, 12, false);
    const first = lower(words(right)[0] ?? '');
    const verbish = !first || TRAILING.has(first) || ['so', 'trở', 'vượt', 'mỗi', 'trong', 'và', 'hoặc', 'năm', 'trên', 'tổng'].includes(first);
    const head = findHead(left, RATE_HEADS);
    if (head) {
      let s = trimTail(head);
      if (words(s).length <= 2) {
        // `có 539 hộ nghèo, tỷ lệ 0,61%`: the rate of the noun just counted.
        const prior = [...previous].reverse().find((p) => p.sentenceStart === sentence.start && p.noun);
        if (prior?.noun) s = `${s} ${prior.noun}`;
        else if (!verbish && right) s = `${s} ${right}`;
      }
      return { value: s, rule: 'rate head before the figure' };
    }
    if (!verbish && right) {
      const r = right.replace(/^số\s+/u, 'tỷ lệ ');
      return { value: r, rule: 'noun phrase after the percent' };
    }
    const s = trimTail(lastWords(left, 8));
    if (s) return { value: /^(tỷ|tỉ) lệ/u.test(s) ? s : `tỷ lệ ${s}`, rule: 'noun phrase before the percent' };
  }

  if (MONEY.test(unit)) {
    const head = findHead(left, MONEY_HEADS);
    let s = head ? trimTail(head) : trimTail(lastWords(left, 6));
    if (head && words(s).length <= 2) {
      const act = activity(text, sentence, q.matchStart);
      if (act) s = `${s} ${act}`;
    }
    if (s) return { value: s, rule: head ? 'money head before the figure' : 'words before the figure' };
  }

  const s = trimTail(lastWords(left, 6)) || rightPhrase(text, q.end, sentence.end, 6, true);
  return s ? { value: s, rule: 'words around the figure' } : { value: undefined, rule: 'no subject found' };
}

function lastWords(s: string, n: number): string {
  return words(s).slice(-n).join(' ');
}
