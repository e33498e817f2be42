import { MarkedText } from './marked-text';

/**
 * "D-2.1 ユーザ認証の設計" inside a link: the number as a badge, then the
 * title. The space between them is read and copied but not drawn, so the
 * link's underline does not start with a gap. `marks` highlights search
 * matches in the title.
 */
export function NumberedTitle({
  number,
  title,
  marks,
}: {
  number: string | undefined;
  title: string;
  marks?: readonly (readonly [number, number])[] | undefined;
}) {
  const text = <MarkedText text={title} highlights={marks} />;
  if (!number) return text;
  return (
    <>
      <span className="item-number">{number}</span>
      <span className="visually-hidden"> </span>
      {text}
    </>
  );
}
