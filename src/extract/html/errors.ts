// Errors for pages that cannot be cleaned. Each has a `code` and action `skip` (see src/errors.ts).
import { InputError } from '../../errors.js';

export type PageErrorCode =
  | 'E_PAGE_BAD_INPUT' // the caller passed something that is not a string (or bytes, for decodeHtml)
  | 'E_PAGE_NOT_HTML' // binary data or a format that is not a page (PDF, image, JSON)
  | 'E_PAGE_CHARSET'; // bytes that no charset can decode

export class PageError extends InputError {
  declare readonly code: PageErrorCode;
  constructor(input: string, message: string, code: PageErrorCode, options?: { cause?: unknown }) {
    super(input, message, code, options);
  }
}
