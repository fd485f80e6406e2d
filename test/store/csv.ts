// A small RFC 4180 CSV reader for the tests: quoted fields, doubled quotes, CRLF or LF rows.
export function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  if (s.startsWith('\ufeff')) i = 1;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i += 2; }
      else if (c === '"') { quoted = false; i++; }
      else { field += c; i++; }
    } else if (c === '"') { quoted = true; i++; }
    else if (c === ',') { row.push(field); field = ''; i++; }
    else if (c === '\n' || (c === '\r' && s[i + 1] === '\n')) {
      row.push(field); rows.push(row); row = []; field = '';
      i += c === '\r' ? 2 : 1;
    } else { field += c; i++; }
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}
