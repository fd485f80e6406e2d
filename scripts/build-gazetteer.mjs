#!/usr/bin/env node
// Build src/data/gazetteer.json from the public copies of Vietnam's administrative-unit lists.
//
//   node scripts/build-gazetteer.mjs SHARED_DATA_DIR [OUT_FILE]
//
// SHARED_DATA_DIR holds the folders described in its SOURCE.md:
//   dvhcvn/data/sorted.json                     63 provinces / 696 districts / 10 047 communes (01/03/2025, GPL-3.0)
//   20250701/mapping/splits.json                old province -> new province, old commune -> new unit(s) (MIT)
//   vietnamese-provinces-database/json/...      34 provinces / 3 321 communes after 01/07/2025 (MIT),
//                                               plus the 30/04/2026 update for later type changes.
// The output is compact (one row per unit, fields in fixed positions) and deterministic, so a rebuild
// from the same inputs gives the same bytes. See src/data/GAZETTEER.md for the format.

import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: node scripts/build-gazetteer.mjs SHARED_DATA_DIR [OUT_FILE]');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const outFile = resolve(process.argv[3] ?? join(here, '..', 'src', 'data', 'gazetteer.json'));
const readJson = (...parts) => JSON.parse(readFileSync(join(dataDir, ...parts), 'utf8'));

const NEW_LIST = 'full_json_generated_data_vn_units.json'; // v3.0.2, 01/07/2025, matches the mapping
const NEW_LIST_2026 = 'full_json_generated_data_vn_units_2026-07-25__20_49_07.json'; // 30/04/2026

// One tone-mark style for display: the mark on the first vowel of oa/oe/uy (hòa, thủy), as in the
// 2025 official list. Same table as foldCase in src/normalize/text.ts, but case-preserving and not
// after q (in `quý` the u belongs to the consonant).
const TONE_MOVES = {
  'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa',
  'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
  'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy',
};
const TONE_RE = new RegExp(`(?<![qQ])(${Object.keys(TONE_MOVES).join('|')})(?![\\p{L}])`, 'gu');
const cleanName = (name) => name.normalize('NFC').replace(TONE_RE, (m) => TONE_MOVES[m]).replace(/\s+/g, ' ').trim();

const TYPE_CODES = {
  'tỉnh': 't', 'thành phố': 'tp', 'thành phố trung ương': 'tp', 'thành phố trực thuộc trung ương': 'tp',
  'huyện': 'h', 'quận': 'q', 'thị xã': 'tx',
  'xã': 'x', 'phường': 'p', 'thị trấn': 'tt', 'đặc khu': 'dk', 'đặc khu tại hải đảo': 'dk',
};
function typeCode(label) {
  const code = TYPE_CODES[label.normalize('NFC').toLocaleLowerCase('vi').trim()];
  if (!code) throw new Error(`unknown unit type: ${label}`);
  return code;
}
const check = (cond, message) => { if (!cond) throw new Error(message); };

// --- pre-2025 list: sorted.json rows are [code, bare name, type, ascii name, children] ---
const sorted = readJson('dvhcvn', 'data', 'sorted.json');
const byCode = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

// --- old -> new mapping ---
const splits = readJson('20250701', 'mapping', 'splits.json').data;
const newProvinceOf = new Map(); // old province code -> new province code
const successorsOf = new Map(); // old commune (or commune-less district) code -> new unit codes
for (const p of splits) {
  check(p.splits.length === 1, `old province ${p.level1_id} maps to ${p.splits.length} provinces`);
  newProvinceOf.set(p.level1_id, p.splits[0].new_id);
  for (const c of p.level3s ?? []) successorsOf.set(c.level3_id, c.splits.map((s) => s.new_id));
  for (const d of p.level2s ?? []) successorsOf.set(d.level2_id, d.splits.map((s) => s.new_id));
}

// --- post-2025 list ---
const newList = readJson('vietnamese-provinces-database', 'json', NEW_LIST);
const newList2026 = readJson('vietnamese-provinces-database', 'json', NEW_LIST_2026);
const later = new Map(); // code -> unit type as of 30/04/2026
for (const p of newList2026) {
  later.set(`P${p.Code}`, typeCode(p.AdministrativeUnitShortName));
  for (const w of p.Wards) later.set(w.Code, typeCode(w.AdministrativeUnitShortName));
}
const newProvinces = [];
const newCommunes = [];
const newCodeByName = new Map(); // `${province}|${name}` -> code, to repair mapping codes
for (const p of [...newList].sort((a, b) => (a.Code < b.Code ? -1 : 1))) {
  const type = typeCode(p.AdministrativeUnitShortName);
  const row = [p.Code, cleanName(p.Name), type];
  if (later.get(`P${p.Code}`) !== type) row.push(later.get(`P${p.Code}`));
  newProvinces.push(row);
  for (const w of [...p.Wards].sort((a, b) => (a.Code < b.Code ? -1 : 1))) {
    const wType = typeCode(w.AdministrativeUnitShortName);
    const fields = [w.Code, cleanName(w.Name), wType, p.Code];
    if (later.get(w.Code) && later.get(w.Code) !== wType) fields.push(later.get(w.Code));
    newCommunes.push(fields.join('|'));
    newCodeByName.set(`${p.Code}|${cleanName(w.Name)}`, w.Code);
  }
}
const newCodes = new Set(newCommunes.map((row) => row.split('|')[0]));

// The mapping follows GSO letter 1027/CTK-CSCL; two codes differ from the unit list (decision
// 19/2025/QĐ-TTg). Join those by province and name so every successor code is in newCommunes.
const mappingNames = new Map();
for (const p of readJson('20250701', 'mapping', 'merges.json').data) {
  for (const u of p.level2s) mappingNames.set(u.level2_id, `${p.level1_id}|${cleanName(u.name.replace(/^(Xã|Phường|Đặc khu)\s+/u, ''))}`);
}
const repaired = [];
function repairCode(code) {
  if (newCodes.has(code)) return code;
  const fixed = newCodeByName.get(mappingNames.get(code));
  check(fixed, `mapping code ${code} not in the post-2025 list`);
  repaired.push(`${code}->${fixed}`);
  return fixed;
}

const oldProvinces = [];
const districts = [];
const communes = [];
for (const [pCode, pName, pType, , pChildren] of [...sorted].sort(byCode)) {
  const newCode = newProvinceOf.get(pCode);
  check(newCode, `no new province for ${pCode}`);
  oldProvinces.push([pCode, cleanName(pName), typeCode(pType), newCode]);
  for (const [dCode, dName, dType, , dChildren = []] of [...pChildren].sort(byCode)) {
    districts.push([dCode, cleanName(dName), typeCode(dType), pCode, newCode]);
    for (const [cCode, cName, cType] of [...dChildren].sort(byCode)) {
      const next = (successorsOf.get(cCode) ?? []).map(repairCode);
      check(next.length > 0, `no successor for commune ${cCode}`);
      communes.push([cCode, cleanName(cName), typeCode(cType), dCode, next.join(',')].join('|'));
    }
  }
}
// Commune-less districts (islands) went straight to a special zone.
const districtSuccessors = {};
for (const d of districts) {
  if (!communes.some((c) => c.split('|')[3] === d[0]) && successorsOf.has(d[0])) {
    districtSuccessors[d[0]] = successorsOf.get(d[0]).map(repairCode).join(',');
  }
}

check(oldProvinces.length === 63, `expected 63 old provinces, got ${oldProvinces.length}`);
check(districts.length === 696, `expected 696 districts, got ${districts.length}`);
check(communes.length === 10047, `expected 10047 communes, got ${communes.length}`);
check(newProvinces.length === 34, `expected 34 new provinces, got ${newProvinces.length}`);
check(newCommunes.length === 3321, `expected 3321 new communes, got ${newCommunes.length}`);
check(new Set(oldProvinces.map((p) => p[3])).size === 34, 'old provinces do not cover the 34 new ones');

const out = {
  about: 'Vietnam administrative units before and after 1 July 2025. Built by scripts/build-gazetteer.mjs; see GAZETTEER.md.',
  effective: { old: '2025-03-01', new: '2025-07-01', newUpdated: '2026-04-30' },
  types: {
    t: 'tỉnh', tp: 'thành phố', h: 'huyện', q: 'quận', tx: 'thị xã',
    x: 'xã', p: 'phường', tt: 'thị trấn', dk: 'đặc khu',
  },
  columns: {
    oldProvinces: 'code, name, type, new province code',
    newProvinces: 'code, name, type, type from 2026-04-30 when it changed',
    districts: 'code, name, type, old province code, new province code',
    communes: 'code|name|type|district code|new unit codes (comma-separated)',
    newCommunes: 'code|name|type|province code|type from 2026-04-30 when it changed',
    districtSuccessors: 'commune-less old district code -> new unit codes',
  },
  oldProvinces,
  newProvinces,
  districts,
  communes,
  newCommunes,
  districtSuccessors,
};

// One row per line: small diffs when the lists change, still compact.
const lines = ['{'];
const keys = Object.keys(out);
keys.forEach((key, i) => {
  const value = out[key];
  const comma = i < keys.length - 1 ? ',' : '';
  if (Array.isArray(value)) {
    lines.push(`  ${JSON.stringify(key)}: [`);
    value.forEach((row, j) => lines.push(`    ${JSON.stringify(row)}${j < value.length - 1 ? ',' : ''}`));
    lines.push(`  ]${comma}`);
  } else {
    lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
  }
});
lines.push('}');
writeFileSync(outFile, lines.join('\n') + '\n');
const bytes = Buffer.byteLength(lines.join('\n') + '\n');
console.log(
  `wrote ${outFile}: ${bytes} bytes; ${oldProvinces.length} old provinces, ${districts.length} districts, ` +
    `${communes.length} communes, ${newProvinces.length} new provinces, ${newCommunes.length} new communes` +
    (repaired.length ? `; repaired mapping codes ${[...new Set(repaired)].join(", ")}` : ""),
);
