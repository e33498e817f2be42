import type { ChecksheetItem } from '../api/assessment.types';
import { VerdictBadge } from '../assessment/verdict';
import { useTaxonomyChoices } from '../components/proposals/taxonomy-choices';
import { useLocalize } from '../i18n/i18n';
import type { WorkspaceMessages } from '../i18n/messages-workspace';
import type { AnswerBook, SaveState } from './use-answer-book';
import type { ItemGroup } from './workspace-filter';

interface ItemTableProps {
  groups: ItemGroup[];
  book: AnswerBook;
  w: WorkspaceMessages;
  current: string;
  selected: ReadonlySet<string>;
  collapsed: ReadonlySet<string>;
  suggested: ReadonlySet<string>;
  editable: boolean;
  onOpen: (requirementId: string) => void;
  onSelect: (requirementIds: string[], on: boolean) => void;
  onToggleGroup: (phase: string) => void;
}

const SAVE_MARK: Record<SaveState, string> = { saved: '', saving: '…', dirty: '•', conflict: '!', error: '!' };

function Marks({ item, book, w, suggested }: { item: ChecksheetItem; book: AnswerBook; w: WorkspaceMessages; suggested: boolean }) {
  const a = book.answer(item.requirementId);
  const shown = book.shown(item.requirementId);
  if (!a || !shown) return null;
  const marks: [string, string][] = [];
  if (shown.evidence.trim()) marks.push(['mark-evidence', w.hasEvidence]);
  if (a.attachments.length) marks.push(['mark-files', w.hasFiles(a.attachments.length)]);
  if (suggested) marks.push(['mark-suggested', w.suggestionWaiting]);
  if (a.defect) marks.push(['mark-flagged', w.flagged]);
  if (a.review === 'changed') marks.push(['mark-changed', w.changedSince]);
  if (a.review === 'new') marks.push(['mark-changed', w.newSince]);
  if (shown.comment.trim()) marks.push(['mark-comment', w.commented]);
  const state = book.state(item.requirementId);
  return (
    <>
      {marks.map(([cls, label]) => (
        <span key={label} className={`item-mark ${cls}`}>
          {label}
        </span>
      ))}
      {state && SAVE_MARK[state] ? (
        <span className={`item-mark mark-save-${state}`} title={w.save[state]}>
          {w.save[state]}
        </span>
      ) : null}
    </>
  );
}

function Row(props: ItemTableProps & { item: ChecksheetItem }) {
  const { item, book, w, current, selected, editable, onOpen, onSelect } = props;
  const localize = useLocalize();
  const { layerLabel, phaseLabel } = useTaxonomyChoices();
  const shown = book.shown(item.requirementId);
  const isCurrent = item.requirementId === current;
  return (
    <tr className={isCurrent ? 'item-row item-current' : 'item-row'} data-item={item.requirementId} aria-current={isCurrent ? 'true' : undefined}>
      {editable ? (
        <td className="cell-select">
          <input
            type="checkbox"
            aria-label={w.selectItem(item.no)}
            checked={selected.has(item.requirementId)}
            onChange={(e) => onSelect([item.requirementId], e.currentTarget.checked)}
          />
        </td>
      ) : null}
      <th scope="row" className="cell-no">
        <button type="button" className="item-open" tabIndex={isCurrent || current === '' ? 0 : -1} onClick={() => onOpen(item.requirementId)}>
          <span className="item-number">{item.no}</span>
          <span className="item-title">{localize(item.title)}</span>
        </button>
      </th>
      <td className="cell-class">
        {item.layers.map(layerLabel).join('・')} / {item.phases.map(phaseLabel).join('・')}
      </td>
      <td className="cell-verdict">{shown ? <VerdictBadge verdict={shown.verdict} /> : null}</td>
      <td className="cell-marks">
        <Marks item={item} book={book} w={w} suggested={props.suggested.has(item.requirementId)} />
      </td>
    </tr>
  );
}

/** One row per check item, grouped by phase with counts; groups fold away. */
export function ItemTable(props: ItemTableProps) {
  const { groups, book, w, collapsed, editable, onSelect, onToggleGroup } = props;
  const { phaseLabel } = useTaxonomyChoices();
  const columns = editable ? 5 : 4;
  return (
    <table className="item-table" aria-label={w.table}>
      <thead>
        <tr>
          {editable ? (
            <th scope="col" className="cell-select">
              <span className="visually-hidden">{w.columns.select}</span>
            </th>
          ) : null}
          <th scope="col">
            {w.columns.no} / {w.columns.title}
          </th>
          <th scope="col" className="cell-class">
            {w.columns.classification}
          </th>
          <th scope="col">{w.columns.verdict}</th>
          <th scope="col">{w.columns.flags}</th>
        </tr>
      </thead>
      {groups.map((g) => {
        const label = phaseLabel(g.phase);
        const open = !collapsed.has(g.phase);
        const answered = g.items.filter((i) => book.shown(i.requirementId)?.verdict !== 'unassessed').length;
        return (
          <tbody key={g.phase} className="item-group" data-phase={g.phase}>
            <tr className="group-row">
              <th scope="rowgroup" colSpan={columns}>
                {editable ? (
                  <input
                    type="checkbox"
                    aria-label={w.selectGroup(label)}
                    checked={g.items.every((i) => props.selected.has(i.requirementId))}
                    onChange={(e) =>
                      onSelect(
                        g.items.map((i) => i.requirementId),
                        e.currentTarget.checked,
                      )
                    }
                  />
                ) : null}
                <button type="button" className="group-toggle" aria-expanded={open} onClick={() => onToggleGroup(g.phase)}>
                  <span aria-hidden="true">{open ? '▾' : '▸'}</span> {w.group(label, g.items.length, answered)}
                </button>
              </th>
            </tr>
            {open ? g.items.map((item) => <Row key={item.requirementId} {...props} item={item} />) : null}
          </tbody>
        );
      })}
    </table>
  );
}
