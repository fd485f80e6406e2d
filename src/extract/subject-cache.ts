// Per-sentence facts that subjectOf reads for every figure of a sentence (a sentence holds 2-3 figures
// on average): found once per sentence instead of once per figure.
import type { Sentence } from './sentences.js';

const BREAKDOWN_WORDS = /(?<![\p{L}])(?:trong đó|bao gồm|gồm)(?![\p{L}])/giu;
// A match at p reads at most s[p-1, p+10): 8 code units of phrase and a code point after it.
// Matches of the whole sentence that start this far before a cut are the cut text's matches too.
const BREAKDOWN_REACH = 12;

export interface SentenceMarks {
  readonly sentence: Sentence;
  /** The text the offsets point into. */
  readonly text: string;
  /** Offsets of ; : ( ) in the sentence, in text order: where clauseCut may cut. */
  readonly cuts: number[];
  /** Offsets where the words after a figure stop: ; : ( ) and a dot before white space or the sentence end. */
  readonly stops: number[];
  /** Starts and ends of BREAKDOWN_WORDS in the whole sentence (offsets into the sentence), on first use. */
  breakdown?: number[];
  /** The last lastBreakdownBefore query and its answer: figures.ts asks again for the same figure. */
  breakdownEnd?: number;
  breakdownAt?: number;
}

// The marks of the sentence last worked on, per list of earlier figures: that list is made once per
// article (findFigures passes its output as it grows) and figures come in text order, so one slot
// serves all the figures of a sentence, and it goes away with the article. (A WeakMap keyed by the
// sentence would need a set per sentence, which costs more than the scans it saves.)
const LAST = new WeakMap<object, SentenceMarks>();
// ; : ( ) and a dot before white space or the sentence end.
const MARK = /[;:()]|\.(?=\s|$)/g;

/** The marks of `sentence` in `text`. `figures`: the caller's list of earlier figures of the article. */
export function marksOf(text: string, sentence: Sentence, figures: object): SentenceMarks {
  const known = LAST.get(figures);
  if (known && known.sentence === sentence && known.text === text) return known;
  const cuts: number[] = [];
  const stops: number[] = [];
  // A regex finds the few marks faster than a loop over every character.
  const body = text.slice(sentence.start, sentence.end);
  MARK.lastIndex = 0;
  for (let m = MARK.exec(body); m; m = MARK.exec(body)) {
    const at = sentence.start + m.index;
    if (m[0] !== '.') cuts.push(at);
    stops.push(at);
  }
  const marks: SentenceMarks = { sentence, text, cuts, stops };
  LAST.set(figures, marks);
  return marks;
}

/**
 * clauseCut(text.slice(sentence.start, end)) as an offset into `text` (sentence.start - 1 when there is no cut):
 * the last ; or : before `end`, or an unclosed ( after it.
 */
export function clauseCutBefore(marks: SentenceMarks, end: number): number {
  const { text, cuts } = marks;
  let k = cuts.length - 1;
  while (k >= 0 && cuts[k] >= end) k--;
  let depth = 0;
  for (; k >= 0; k--) {
    const c = text.charCodeAt(cuts[k]);
    if (c === 0x29) depth++; // )
    else if (c === 0x28) { // (
      if (depth === 0) return cuts[k];
      depth--;
    } else return cuts[k]; // ; or :
  }
  return marks.sentence.start - 1;
}

/** The first stop at or after `from`, else the sentence end. */
export function stopFrom(marks: SentenceMarks, from: number): number {
  for (const s of marks.stops) if (s >= from) return s;
  return Math.max(from, marks.sentence.end);
}

/**
 * Offset into `text` of the last match of BREAKDOWN_WORDS in text.slice(sentence.start, end), else -1.
 * Matches near `end` may differ from the whole sentence's (the lookahead sees the cut): those are looked for again.
 */
export function lastBreakdownBefore(marks: SentenceMarks, end: number): number {
  const { sentence } = marks;
  if (marks.breakdownEnd === end) return marks.breakdownAt!;
  if (end < sentence.start || end > sentence.end) return lastStart(regexHits(BREAKDOWN_WORDS, marks.text.slice(sentence.start, end)), sentence.start);
  const sentenceText = marks.text.slice(sentence.start, sentence.end);
  const hits = (marks.breakdown ??= regexHits(BREAKDOWN_WORDS, sentenceText, 0));
  const cut = end - sentence.start;
  // The matches both scans share, then the cut text scanned from the end of the last of them.
  let last = -1;
  let from = 0;
  for (let k = 0; k < hits.length && hits[k] <= cut - BREAKDOWN_REACH; k += 2) { last = hits[k]; from = hits[k + 1]; }
  const tail = regexHits(BREAKDOWN_WORDS, sentenceText.slice(0, cut), Math.max(from, cut - BREAKDOWN_REACH));
  if (tail.length) last = tail[tail.length - 2];
  const at = last < 0 ? -1 : sentence.start + last;
  marks.breakdownEnd = end;
  marks.breakdownAt = at;
  return at;
}

/** Offset of the last of `hits` (of a text starting at `offset`), else -1. */
function lastStart(hits: number[], offset: number): number {
  return hits.length ? offset + hits[hits.length - 2] : -1;
}

/** Starts and ends of the matches of `g` (a global regex) in `s` from `from`, as a global scan finds them. */
export function regexHits(g: RegExp, s: string, from = 0): number[] {
  const hits: number[] = [];
  g.lastIndex = from;
  for (let m = g.exec(s); m; m = g.exec(s)) hits.push(m.index, m.index + m[0].length);
  return hits;
}
