// Human-readable output for the CLI.
import type { EntityMention, FigureRecord } from './types.js';

const width = (s: string) => [...s.normalize('NFC')].length;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const cut = (s: string, n: number) => (width(s) > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

function num(v: number): string {
  return Number.isInteger(v) ? v.toLocaleString('en-US') : String(v);
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c]))));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i])).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A fixed-width table of entity mentions. */
export function formatEntityTable(mentions: EntityMention[]): string {
  const detail = (m: EntityMention) => {
    const { kind, text, start, end, canonical, ...rest } = m;
    void kind; void text; void start; void end; void canonical;
    return Object.entries(rest).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => `${k}=${v}`).join(' ');
  };
  const rows = mentions.map((m, i) => [String(i + 1), m.kind, cut(m.text, 36), cut(m.canonical, 44), cut(detail(m), 60)]);
  return `${table(['#', 'kind', 'text', 'canonical', 'details'], rows)}\n${mentions.length} mentions\n`;
}

/** A fixed-width table of figures. */
export function formatTable(figures: FigureRecord[]): string {
  const head = ['#', 'text', 'value', 'unit', 'cmp', 'subject', 'modality', 'measure', 'period', 'location', 'flag'];
  const rows = figures.map((f, i) => [
    String(i + 1), cut(f.text, 24),
    f.valueMax !== undefined ? `${num(f.value)}–${num(f.valueMax)}` : f.total !== undefined ? `${num(f.value)}/${num(f.total)}` : num(f.value),
    f.per ? `${f.unit}/${f.per}` : f.unit, f.comparator, cut(f.subject ?? '', 40), f.modality, f.measure,
    f.period ? String(f.period) : '', cut(f.location ?? '', 24), f.suspect ? 'suspect' : '',
  ]);
  const widths = head.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c]))));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i])).join('  ').trimEnd();
  return `${[line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')}\n${figures.length} figures\n`;
}
