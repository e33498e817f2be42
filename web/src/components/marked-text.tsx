import { markRanges } from '../search/highlight';

/** Plain text with the given [start, end) ranges in <mark>: React elements, never HTML. */
export function MarkedText({ text, highlights }: { text: string; highlights: readonly (readonly [number, number])[] | undefined }) {
  if (!highlights?.length) return <>{text}</>;
  return (
    <>
      {markRanges(text, highlights).map((piece, index) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positional slices of one fixed text.
        piece.marked ? <mark key={index}>{piece.text}</mark> : <span key={index}>{piece.text}</span>,
      )}
    </>
  );
}
