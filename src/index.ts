// solieu's library API. These names are stable.
import { findFigures, type FigureOptions } from './extract/figures.js';
import { normalizeFigures } from './normalize/index.js';
import type { FigureRecord } from './types.js';

export { parseQuantity, scanQuantities } from './extract/quantity.js';
export { parseDigits, parseWordNumber } from './extract/numbers.js';
export { splitSentences, splitParagraphs } from './extract/sentences.js';
export { defineConfig, validateConfig, configSchema, type Config, type ConfigInput, type SourceConfig } from './config.js';
export { loadConfig } from './config-load.js';
export { openStore, Store, SCHEMA_VERSION } from './store/index.js';
export { runIngest, type IngestSummary, type IngestEvent } from './pipeline.js';
export { processDocument, figuresOf, entitiesOf } from './process.js';
export { cleanHtml, cleanText, decodeHtml, type CleanedArticle } from './extract/html/index.js';
export { extractEntities, findPlaces } from './extract/entities/index.js';
export { lookupPlace } from './normalize/places.js';
export { indicatorOf, INDICATORS, suspectReason } from './normalize/index.js';
export { nfc, foldCase, asciiKey } from './normalize/text.js';
export * from './errors.js';
export type * from './types.js';

/** Every figure in an article body, with its meaning, normalised (indicator, suspect flags). */
export function extractFigures(text: string, options: FigureOptions = {}): FigureRecord[] {
  const clean = text.normalize('NFC');
  return normalizeFigures(findFigures(clean, options), clean).figures;
}
