// Bytes to text, refusing what is not an article: empty files, binary files.
import { InputError } from '../errors.js';

/** Decodes a local file or response body; throws InputError for empty or binary input. */
export function decodeText(bytes: Uint8Array, name: string, format: 'html' | 'text'): string {
  if (bytes.length === 0) throw new InputError(name, 'file is empty', 'E_EMPTY');
  const head = bytes.subarray(0, Math.min(bytes.length, 8192));
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) throw new InputError(name, 'binary file (contains NUL bytes), not an article', 'E_BINARY');
  let text: string;
  if (utf16) text = new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  else text = new TextDecoder('utf-8').decode(bytes);
  if (format === 'text') {
    const bad = (text.match(/\uFFFD/g) ?? []).length;
    if (bad > 16 && bad / text.length > 0.01) throw new InputError(name, 'not UTF-8 text (too many invalid bytes)', 'E_ENCODING');
    if (!text.trim()) throw new InputError(name, 'file has no text', 'E_EMPTY');
  }
  return text.replace(/^\uFEFF/, '');
}
