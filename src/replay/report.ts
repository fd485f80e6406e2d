// A replay report as text (for people), JSON (for scripts) or JUnit XML (for CI). Strings out, no I/O.
import { fixtureDiffers, type FieldDiff, type FixtureResult, type JsonRecord, type ReplayReport, type Score } from './types.js';

const f2 = (n: number) => n.toFixed(2);
const scoreLine = (s: Score) =>
  `P ${f2(s.precision)}  R ${f2(s.recall)}  F1 ${f2(s.f1)}  (${s.expected} expected, ${s.actual} produced, ${s.matched} paired, ${s.correct} agree)`;

/** A value in a diff: strings quoted, nothing as (none). */
export function show(v: unknown): string {
  if (v === undefined || v === null) return '(none)';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function quantity(r: JsonRecord): string {
  let v = show(r.value);
  if (r.valueMax !== undefined) v += `–${show(r.valueMax)}`;
  if (r.total !== undefined) v += `/${show(r.total)}`;
  const unit = `${String(r.unit ?? '?')}${r.per ? `/${String(r.per)}` : ''}`;
  const at = typeof r.start === 'number' ? ` @${r.start}` : '';
  const attrs = [r.modality, r.measure].filter(Boolean).join(' ');
  return `${JSON.stringify(r.text ?? '')}${at} ${v} ${unit}${attrs ? ` ${attrs}` : ''}${r.subject ? `  subject ${JSON.stringify(r.subject)}` : ''}`;
}

/** `place "tỉnh Điện Biên" ("Điện Biên" @661)`: the canonical name, and the text as written when it differs. */
function entity(e: JsonRecord): string {
  const name = e.canonical ?? e.text;
  const written = e.text !== undefined && e.text !== name ? ` (${show(e.text)}${typeof e.start === 'number' ? ` @${e.start}` : ''})` : '';
  return `${String(e.kind)} ${show(name)}${written}`;
}

const diffText = (d: FieldDiff) => `${d.field}: ${show(d.actual)} -> ${show(d.expected)}${d.rule ? ` (rule: ${d.rule})` : ''}`;

export function fixtureText(r: FixtureResult): string[] {
  if (r.error) return [`BROKEN ${r.name} [${r.set}]: ${r.error}`];
  const lines = [`${fixtureDiffers(r) ? 'FAIL' : 'ok  '} ${r.name} [${r.set}]  ${scoreLine(r.score)}`];
  if (r.missing.length) {
    lines.push('  missing (expected, not produced):');
    for (const m of r.missing) lines.push(`    - #${m.index + 1} ${quantity(m.record)}`);
  }
  if (r.unexpected.length) {
    lines.push('  unexpected (produced, not expected):');
    for (const u of r.unexpected) lines.push(`    + ${quantity(u.record)}`);
  }
  if (r.changed.length) {
    lines.push('  changed (field: actual -> expected):');
    for (const c of r.changed) {
      const at = c.start !== undefined ? ` @${c.start}` : '';
      lines.push(`    ~ #${c.expectedIndex + 1} ${JSON.stringify(c.text)}${at}: ${c.diffs.map(diffText).join('; ')}`);
    }
  }
  if (r.article.length) {
    lines.push('  article (field: actual -> expected):');
    for (const d of r.article) lines.push(`    ~ ${diffText(d)}`);
  }
  if (r.entities && (r.entities.missing.length || r.entities.unexpected.length)) {
    lines.push('  entities:');
    for (const e of r.entities.missing) lines.push(`    - ${entity(e)} (missing)`);
    for (const e of r.entities.unexpected) lines.push(`    + ${entity(e)} (unexpected)`);
  }
  return lines;
}

export function reportText(report: ReplayReport): string {
  const lines: string[] = [];
  for (const r of report.fixtures) lines.push(...fixtureText(r));
  if (report.summary.length) {
    lines.push('', 'recorded run (field: replayed -> recorded):');
    for (const d of report.summary) lines.push(`  ~ ${diffText(d)}`);
  }
  lines.push('', 'sets:');
  const width = Math.max(8, ...Object.keys(report.sets).map((s) => s.length));
  for (const [set, s] of Object.entries(report.sets)) {
    const fl = report.floors?.[set];
    const floor = fl ? `  floor ${f2(fl.floor)} ${fl.ok ? 'ok' : 'BELOW'}` : report.floors ? '  (no floor)' : '';
    lines.push(`  ${set.padEnd(width)}  ${scoreLine(s)}${floor}`);
  }
  lines.push(`  ${'overall'.padEnd(width)}  ${scoreLine(report.overall)}`);
  const agreement = Object.entries(report.fields).filter(([, c]) => c.paired > 0)
    .map(([f, c]) => `${f} ${Math.round((100 * c.agree) / c.paired)}%`);
  if (agreement.length) lines.push(`field agreement on paired records: ${agreement.join(', ')}`);
  const broken = report.fixtures.filter((f) => f.error).length;
  const differ = report.fixtures.filter((f) => !f.error && fixtureDiffers(f)).length;
  lines.push(`${report.fixtures.length} fixtures: ${report.fixtures.length - broken - differ} agree, ${differ} differ, ${broken} broken`);
  return `${lines.join('\n')}\n`;
}

/** The report for scripts: everything but the full record lists. */
export function reportJson(report: ReplayReport): string {
  const fixtures = report.fixtures.map((r) => ({
    name: r.name, set: r.set, dir: r.dir, status: r.error ? 'broken' : fixtureDiffers(r) ? 'differ' : 'ok',
    ...(r.error ? { error: r.error } : {}), fields: r.fields, score: r.score,
    missing: r.missing, unexpected: r.unexpected, changed: r.changed, article: r.article,
    ...(r.entities ? { entities: r.entities } : {}), elapsedMs: Math.round(r.elapsedMs),
  }));
  return `${JSON.stringify({ fixtures, sets: report.sets, overall: report.overall, fields: report.fields, summary: report.summary, floors: report.floors }, null, 2)}\n`;
}

/** Text safe inside XML 1.0: escaped, and without the characters XML cannot hold at all. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function failureMessage(r: FixtureResult): string {
  const parts = [
    r.missing.length && `${r.missing.length} missing`, r.unexpected.length && `${r.unexpected.length} unexpected`,
    r.changed.length && `${r.changed.length} changed`, r.article.length && `${r.article.length} article fields differ`,
    r.entities && (r.entities.missing.length || r.entities.unexpected.length) && 'entities differ',
  ].filter(Boolean);
  return `${parts.join(', ')}; F1 ${f2(r.score.f1)}`;
}

/** JUnit XML: one testsuite per fixture set, one testcase per fixture, plus one per checked floor. */
export function reportJunit(report: ReplayReport): string {
  const x = xmlEscape;
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let total = 0;
  for (const set of Object.keys(report.sets)) {
    const rs = report.fixtures.filter((f) => f.set === set);
    const cases = rs.map((r) => {
      const time = (r.elapsedMs / 1000).toFixed(3);
      const head = `    <testcase classname="replay.${x(set)}" name="${x(r.name)}" time="${time}"`;
      if (r.error) return `${head}>\n      <error type="broken" message="${x(r.error)}"/>\n    </testcase>`;
      if (!fixtureDiffers(r)) return `${head}/>`;
      const detail = fixtureText(r).slice(1).join('\n');
      return `${head}>\n      <failure type="diff" message="${x(failureMessage(r))}">${x(detail)}</failure>\n    </testcase>`;
    });
    const f = rs.filter((r) => !r.error && fixtureDiffers(r)).length;
    const e = rs.filter((r) => r.error).length;
    const time = rs.reduce((t, r) => t + r.elapsedMs, 0) / 1000;
    tests += rs.length; failures += f; errors += e; total += time;
    suites.push(`  <testsuite name="${x(set)}" tests="${rs.length}" failures="${f}" errors="${e}" skipped="0" time="${time.toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  if (report.summary.length) {
    const detail = report.summary.map((d) => diffText(d)).join('\n');
    tests += 1; failures += 1;
    suites.push(`  <testsuite name="summary" tests="1" failures="1" errors="0" skipped="0" time="0">\n    <testcase classname="replay.summary" name="run" time="0">\n      <failure type="summary" message="${x(`${report.summary.length} run totals differ (replayed -> recorded)`)}">${x(detail)}</failure>\n    </testcase>\n  </testsuite>`);
  }
  if (report.floors && Object.keys(report.floors).length) {
    const entries = Object.entries(report.floors);
    const cases = entries.map(([set, fl]) => {
      const head = `    <testcase classname="replay.floors" name="${x(set)}" time="0"`;
      return fl.ok ? `${head}/>` : `${head}>\n      <failure type="floor" message="${x(`F1 ${fl.f1 === null ? 'n/a' : f2(fl.f1)} below floor ${f2(fl.floor)}`)}"/>\n    </testcase>`;
    });
    const f = entries.filter(([, fl]) => !fl.ok).length;
    tests += entries.length; failures += f;
    suites.push(`  <testsuite name="floors" tests="${entries.length}" failures="${f}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="solieu replay" tests="${tests}" failures="${failures}" errors="${errors}" time="${total.toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
