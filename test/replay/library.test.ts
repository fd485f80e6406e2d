// The replay library without the CLI: matching, field comparison, scores, updates, reports.
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  compareArticle, compareEntities, compareRecords, comparedFields, fieldEqual, matchRecords, reportJunit, score,
  subjectOverlap, updatedRecords, xmlEscape, buildReport, type FixtureResult,
} from '../../src/replay/index.js';

const rec = (text: string, value: number, unit: string, extra: Record<string, unknown> = {}) => ({ text, value, unit, ...extra });

describe('matchRecords', () => {
  it('pairs by overlapping span first, even when the value changed', () => {
    const actual = [rec('2 tỷ', 2e9, 'VND', { start: 10, end: 14 }), rec('044 triệu', 44e6, 'VND', { start: 15, end: 24 })];
    const expected = [rec('2 tỷ 044 triệu', 2.044e9, 'VND', { start: 10, end: 24 })];
    const m = matchRecords(actual, expected);
    expect(m.pairs).toEqual([{ actual: 1, expected: 0, by: 'span' }]);
    expect(m.unexpected).toEqual([0]);
  });

  it('pairs records without offsets by value and unit, in order, preferring the same text and subject', () => {
    const actual = [
      rec('100%', 100, 'percent', { subject: 'người nghèo được cấp thẻ bảo hiểm y tế' }),
      rec('100%', 100, 'percent', { subject: 'cán bộ được tập huấn' }),
      rec('100 hộ', 100, 'household'),
    ];
    const expected = [rec('100%', 100, 'percent', { subject: 'cán bộ làm công tác giảm nghèo được tập huấn' }), rec('100%', 100, 'percent', { subject: 'thẻ bảo hiểm y tế' })];
    const m = matchRecords(actual, expected);
    expect(m.pairs.map((p) => [p.actual, p.expected])).toEqual([[0, 1], [1, 0]]);
    expect(m.unexpected).toEqual([2]);
    expect(m.missing).toEqual([]);
  });
});

describe('field comparison', () => {
  it('compares numbers with a small tolerance, strings after NFC and case folding', () => {
    expect(fieldEqual('value', 1837272000, 1837.272 * 1e6)).toBe(true);
    expect(fieldEqual('value', 0.47, 0.48)).toBe(false);
    expect(fieldEqual('location', 'Thành phố Thái Nguyên', 'thành phố  Thái Nguyên')).toBe(true);
    expect(fieldEqual('location', 'tho\u0309', 'thỏ')).toBe(true);
    expect(fieldEqual('modality', 'Target', 'target')).toBe(false);
  });

  it('treats absent, null and suspect: false alike', () => {
    expect(fieldEqual('suspect', undefined, false)).toBe(true);
    expect(fieldEqual('period', null, undefined)).toBe(true);
    expect(fieldEqual('period', 2023, undefined)).toBe(false);
  });

  it('agrees on a subject when at least half the expected tokens are found (the scorer)', () => {
    expect(subjectOverlap('tỷ lệ hộ nghèo toàn huyện', 'tỷ lệ hộ nghèo')).toBe(1);
    expect(fieldEqual('subject', 'hộ nghèo', 'hộ nghèo sử dụng nước sạch')).toBe(false);
    expect(fieldEqual('subject', 'hộ nghèo dùng nước', 'hộ nghèo sử dụng nước')).toBe(true);
  });

  it('ignores provenance by default and honours --only and the fixture ignore list', () => {
    const fields = comparedFields(undefined, ['indicator']);
    for (const f of ['rules', 'sentence', 'sentenceStart', 'start', 'indicator']) expect(fields).not.toContain(f);
    expect(fields).toContain('modality');
    expect(comparedFields(['sentence'], ['indicator'])).toEqual(['sentence']);
  });

  it('compares parents through the pairing, and prints them as the parent record text', () => {
    const actual = [rec('2.350 lao động', 2350, 'person'), rec('1.210 lao động', 1210, 'person', { parent: 0 })];
    const expected = [rec('1.210 lao động', 1210, 'person', { parent: 1 }), rec('2.350 lao động', 2350, 'person')];
    expect(compareRecords(actual, expected, ['parent']).changed).toEqual([]);
    const wrong = compareRecords(actual, [rec('2.350 lao động', 2350, 'person'), rec('1.210 lao động', 1210, 'person')], ['parent']);
    expect(wrong.changed[0].diffs).toEqual([{ field: 'parent', actual: '2.350 lao động', expected: undefined }]);
  });
});

describe('scores', () => {
  it('counts a record as correct only when paired and every field agrees', () => {
    const c = compareRecords([rec('1%', 1, 'percent', { modality: 'actual' }), rec('2%', 2, 'percent')], [rec('1%', 1, 'percent', { modality: 'target' })], ['modality']);
    expect(c.counts).toEqual({ expected: 1, actual: 2, matched: 1, correct: 0 });
    expect(score({ expected: 4, actual: 5, matched: 4, correct: 3 })).toMatchObject({ precision: 0.6, recall: 0.75 });
    expect(score({ expected: 0, actual: 0, matched: 0, correct: 0 }).f1).toBe(1);
  });
});

describe('updatedRecords', () => {
  it('keeps agreeing records as written, updates compared fields, drops missing, adds unexpected, remaps parents', () => {
    const actual = [
      rec('127 hộ', 127, 'household', { start: 5, end: 11, modality: 'actual' }),
      rec('85 hộ', 85, 'household', { start: 20, end: 25, modality: 'actual', parent: 0 }),
    ];
    const expected = [
      rec('85 hộ', 85, 'household', { modality: 'target', note: 'kept' }),
      rec('9 hộ', 9, 'household'),
    ];
    const out = updatedRecords(actual, expected, ['modality', 'parent']);
    expect(out).toEqual([actual[0], { text: '85 hộ', value: 85, unit: 'household', modality: 'actual', note: 'kept', parent: 0 }]);
  });
});

describe('article and entity expectations', () => {
  it('checks a date-only expectation by day and a timestamp by instant; null means none', () => {
    expect(compareArticle({ date: '2022-12-23T13:52:01+07:00' }, { date: '2022-12-23' })).toEqual([]);
    expect(compareArticle({ date: '2022-12-23T06:52:01Z' }, { date: '2022-12-23T13:52:01+07:00' })).toEqual([]);
    expect(compareArticle({ author: 'Hà Thu' }, { author: null })).toEqual([{ field: 'author', actual: 'Hà Thu', expected: null }]);
    expect(compareArticle({ title: 'x' }, {})).toEqual([]);
  });

  it('matches entities by kind and canonical name, or by text when no canonical is expected', () => {
    const actual = [{ kind: 'place', text: 'Yên Bái', canonical: 'tỉnh Yên Bái' }, { kind: 'date', text: '15/3/2022', canonical: '2022-03-15' }];
    expect(compareEntities(actual, [{ kind: 'place', canonical: 'tỉnh Yên Bái' }, { kind: 'date', text: '15/3/2022' }])).toEqual({ missing: [], unexpected: [] });
    expect(compareEntities([], [{ kind: 'place', text: 'Yên Bái' }]).missing).toHaveLength(1);
  });
});

describe('junit', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlEscape('a<b>&"c\'\u0001\uD800')).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    const r: FixtureResult = {
      name: 'x<y', set: 's&t', dir: '/tmp', fields: [], missing: [], unexpected: [{ index: 0, record: rec('1\u0007 hộ', 1, 'household') }],
      changed: [], article: [], score: score({ expected: 0, actual: 1, matched: 0, correct: 0 }), actual: [], elapsedMs: 1,
    };
    const xml = reportJunit(buildReport([r]));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('name="x&lt;y"');
  });
});
