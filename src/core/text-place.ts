/**
 * Where in an uploaded document a problem is, as data: the UI says it in its
 * own language (web/src/i18n/field-error-text.ts), and `placeWords` gives the
 * English words the API's `path` and the CLI keep.
 */

/** What of a component the problem is about, besides the component itself. */
export type PlacePart = { readonly field: 'purl' | 'dependencies' } | { readonly hash: string };

export type TextPlace =
  /** The file as a whole: empty, too large, not UTF-8. */
  | { readonly kind: 'file' }
  /** The document as a whole, or a part of it (a JSON pointer) that no line of the text holds. */
  | { readonly kind: 'document'; readonly missing?: string; readonly part?: PlacePart }
  /** A line of the text, with its column or the JSON pointer of what the line holds. */
  | { readonly kind: 'line'; readonly line: number; readonly column?: number; readonly pointer?: string; readonly part?: PlacePart }
  /** A JSON pointer into a JSON document. */
  | { readonly kind: 'pointer'; readonly pointer: string; readonly part?: PlacePart };

/** A place inside a JSON document (or an XML one's path), shown as it is. */
export const atPointer = (pointer: string): TextPlace => ({ kind: 'pointer', pointer });

/** The place with a part of the component named (the file as a whole has none). */
export function withPart(place: TextPlace, part: PlacePart): TextPlace {
  return place.kind === 'file' ? place : { ...place, part };
}

function partWords(part: PlacePart | undefined): string {
  if (!part) return '';
  return 'hash' in part ? ` (hash ${part.hash})` : ` (${part.field})`;
}

/** The place in English words: "the file", "line 3, column 7", "line 26 (/packages/1)", "/components/0 (purl)". */
export function placeWords(place: TextPlace): string {
  switch (place.kind) {
    case 'file':
      return 'the file';
    case 'document':
      return (place.missing === undefined ? 'the document' : `the document (${place.missing} is missing)`) + partWords(place.part);
    case 'line': {
      const at = place.column !== undefined ? `, column ${place.column}` : place.pointer !== undefined ? ` (${place.pointer})` : '';
      return `line ${place.line}${at}${partWords(place.part)}`;
    }
    default:
      return place.pointer + partWords(place.part);
  }
}

/** A problem's place: the English words and the data, side by side. */
export const placed = (at: TextPlace): { place: string; at: TextPlace } => ({ place: placeWords(at), at });
