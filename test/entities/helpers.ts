import { extractEntities, type ExtractEntitiesOptions } from '../../src/extract/entities/index.js';
import type { EntityKind, EntityMention } from '../../src/types.js';

/** Mentions of one kind in `text`. */
export function mentions(kind: EntityKind, text: string, options?: ExtractEntitiesOptions): EntityMention[] {
  return extractEntities(text, options).filter((m) => m.kind === kind);
}

/** [text as written, canonical] of the mentions of one kind. */
export function pairs(kind: EntityKind, text: string, options?: ExtractEntitiesOptions): Array<[string, string]> {
  return mentions(kind, text, options).map((m) => [m.text, m.canonical]);
}
