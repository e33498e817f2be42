import type { ReactNode } from 'react';
import type { Localized } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { type ErrorsAt, FieldError, LocalizedFields } from './fields';

/** Immutable list edits for form state. */
export const replaceAt = <T,>(list: readonly T[], index: number, value: T): T[] => list.map((x, i) => (i === index ? value : x));
export const removeAt = <T,>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

export const emptyText = (): Localized => ({ ja: '', en: '' });

interface EditableListProps<T> {
  /** Name of one entry, e.g. 基準 → "基準 1", "基準を追加". */
  itemLabel: string;
  items: T[];
  onChange: (items: T[]) => void;
  make: () => T;
  path: string;
  errorsAt: ErrorsAt;
  render: (item: T, index: number, update: (value: T) => void) => ReactNode;
}

/**
 * A list whose entries can be added and removed. Entries keep their index as
 * key: they have no identity of their own, and the inputs stay bound to the
 * same position while the user types.
 */
export function EditableList<T>({ itemLabel, items, onChange, make, path, errorsAt, render }: EditableListProps<T>) {
  const t = useT();
  const whole = errorsAt(path);
  return (
    <div className="editor-list">
      <ol>
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: list entries have no id; see above.
          <li key={index} className="editor-list-item">
            <div className="editor-list-body">{render(item, index, (value) => onChange(replaceAt(items, index, value)))}</div>
            <button type="button" className="button button-ghost editor-remove" onClick={() => onChange(removeAt(items, index))}>
              {t.editor.removeNth(itemLabel, index + 1)}
            </button>
          </li>
        ))}
      </ol>
      {whole ? <FieldError>{whole}</FieldError> : null}
      <button type="button" className="button editor-add" onClick={() => onChange([...items, make()])}>
        {t.editor.addOne(itemLabel)}
      </button>
    </div>
  );
}

/** A TextList is given what an EditableList is, but for how to make and draw an entry. */
type TextListProps = Omit<EditableListProps<Localized>, 'make' | 'render'>;

/** A list of bilingual texts (criteria, steps, countermeasures). */
export function TextList(props: TextListProps) {
  const t = useT();
  const { itemLabel, path, errorsAt } = props;
  return (
    <EditableList
      {...props}
      make={emptyText}
      render={(item, index, update) => (
        <LocalizedFields label={t.editor.nth(itemLabel, index + 1)} value={item} onChange={update} path={`${path}[${index}]`} errorsAt={errorsAt} multiline />
      )}
    />
  );
}
