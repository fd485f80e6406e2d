// The results as a text table (the terminal) or a Markdown table (the README).

const HEAD = ['case', 'value', 'unit', 'runs', 'min', 'max', 'per CPU-s', 'target', 'met'];

function rows(results) {
  return Object.entries(results.cases).map(([name, c]) => [
    name, c.value ?? 'n/a', c.unit, String(c.runs), c.min ?? '', c.max ?? '', c.per_cpu_second ?? '',
    c.target ?? '', c.met === undefined ? '' : c.met ? 'yes' : 'NO',
  ]);
}

export function textTable(results) {
  const body = rows(results);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (r) => r.map((x, i) => String(x).padEnd(widths[i])).join('  ').trimEnd();
  return [line(HEAD), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export function markdownTable(results) {
  const esc = (x) => String(x).replace(/\|/g, '\\|');
  return [`| ${HEAD.join(' | ')} |`, `|${HEAD.map(() => '---').join('|')}|`, ...rows(results).map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

export function describeMachine(m) {
  return `${m.cpu}, ${m.cores} cores, ${m.memory_gb} GB, ${m.os}, Node ${m.node}`;
}
