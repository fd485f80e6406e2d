// Shared by the HTML extraction tests: fixture loading and the scorer's normalisation.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const FIXTURES = fileURLToPath(new URL('../fixtures/html/', import.meta.url));
export const LISTINGS = fileURLToPath(new URL('../fixtures/html-listing/', import.meta.url));
export const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
export const SEEDS_GOLD = fileURLToPath(new URL('../fixtures/seeds-text/gold.jsonl', import.meta.url));

export interface Expected {
  file: string;
  url: string;
  outlet: string;
  title: string;
  published: string;
  author: string | null;
  section: string;
  lead: string;
  must_contain: string[];
  must_not_contain: string[];
  body_chars: number;
}

export interface Fixture {
  name: string;
  html: string;
  expected: Expected;
}

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES)
    .filter((d) => statSync(join(FIXTURES, d)).isDirectory())
    .sort()
    .map((name) => ({
      name,
      html: readFileSync(join(FIXTURES, name, 'source.html'), 'utf8'),
      expected: JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected,
    }));
}

/** The scorer's comparison key: NFC, collapsed whitespace, lower case. */
export const norm = (s: unknown) => (s ?? '').toString().normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** A minimal page around an article body, for unknown-site tests. */
export function page(body: string, head = ''): string {
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

/** Vietnamese paragraph text of a given rough length. */
export function para(n: number, seed = 0): string {
  const words = ['Năm', '2023,', 'huyện', 'Bạch', 'Thông', 'đẩy', 'mạnh', 'công', 'tác', 'tuyên', 'truyền', 'giảm', 'nghèo', 'bền', 'vững,', 'hỗ', 'trợ', 'người', 'dân', 'vươn', 'lên.'];
  const out: string[] = [];
  for (let i = 0; out.join(' ').length < n; i++) out.push(words[(i * 7 + seed) % words.length]);
  return out.join(' ');
}
