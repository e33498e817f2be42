import { memo, startTransition, useEffect, useState } from 'react';
import type { ChecksheetItem, Verdict } from '../api/assessment.types';
import { VerdictBadge } from '../assessment/verdict';
import { useTaxonomyChoices } from '../components/taxonomy-choices';
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

/** Rows rendered before the page first answers (the whole bundled checksheet fits). */
const FIRST_ROWS = 200;

const SAVE_MARK: Record<SaveState, string> = { saved: '', saving: '…', dirty: '•', conflict: '!', error: '!' };

/** What a row shows, as plain values: a row renders again only when one of them changes. */
interface RowProps {
  requirementId: string;
  no: string;
  title: string;
  classification: string;
  verdict: Verdict;
  marks: string;
  saveState: SaveState | undefined;
  isCurrent: boolean;
  tabbable: boolean;
  isSelected: boolean;
  editable: boolean;
  w: WorkspaceMessages;
  onOpen: (requirementId: string) => void;
  onSelect: (requirementIds: string[], on: boolean) => void;
}

/** The marks of a row (evidence, files, suggestion, flag, change, comment) as `class:label` pairs joined by a tab. */
function marksOf(item: ChecksheetItem, book: AnswerBook, w: WorkspaceMessages, suggested: boolean): string {
  const a = book.answer(item.requirementId);
  const shown = book.shown(item.requirementId);
  if (!a || !shown) return '';
  const marks: string[] = [];
  if (shown.evidence.trim()) marks.push(`mark-evidence:${w.hasEvidence}`);
  if (a.attachments.length) marks.push(`mark-files:${w.hasFiles(a.attachments.length)}`);
  if (suggested) marks.push(`mark-suggested:${w.suggestionWaiting}`);
  if (a.defect) marks.push(`mark-flagged:${w.flagged}`);
  if (a.review === 'changed') marks.push(`mark-changed:${w.changedSince}`);
  if (a.review === 'new') marks.push(`mark-changed:${w.newSince}`);
  if (shown.comment.trim()) marks.push(`mark-comment:${w.commented}`);
  return marks.join('\t');
}

const Row = memo(function Row(p: RowProps) {
  const { w } = p;
  return (
    <tr className={p.isCurrent ? 'item-row item-current' : 'item-row'} data-item={p.requirementId} aria-current={p.isCurrent ? 'true' : undefined}>
      {p.editable ? (
        <td className="cell-select">
          <input
            type="checkbox"
            aria-label={w.selectItem(p.no)}
            checked={p.isSelected}
            onChange={(e) => p.onSelect([p.requirementId], e.currentTarget.checked)}
          />
        </td>
      ) : null}
      <th scope="row" className="cell-no">
        <button type="button" className="item-open" tabIndex={p.tabbable ? 0 : -1} onClick={() => p.onOpen(p.requirementId)}>
          <span className="item-number">{p.no}</span>
          <span className="item-title">{p.title}</span>
        </button>
      </th>
      <td className="cell-class">{p.classification}</td>
      <td className="cell-verdict">
        <VerdictBadge verdict={p.verdict} />
      </td>
      <td className="cell-marks">
        {p.marks
          ? p.marks.split('\t').map((m) => {
              const [cls, label] = m.split(/:(.*)/s);
              return (
                <span key={m} className={`item-mark ${cls}`}>
                  {label}
                </span>
              );
            })
          : null}
        {p.saveState && SAVE_MARK[p.saveState] ? <span className={`item-mark mark-save-${p.saveState}`}>{w.save[p.saveState]}</span> : null}
      </td>
    </tr>
  );
});

/** One row per check item, grouped by phase with counts; groups fold away. */
export function ItemTable(props: ItemTableProps) {
  const { groups, book, w, collapsed, editable, onSelect, onToggleGroup } = props;
  const localize = useLocalize();
  const { layerLabel, phaseLabel } = useTaxonomyChoices();
  const columns = editable ? 5 : 4;
  // A long checksheet renders its first rows at once and the rest right after, in a
  // transition that keys and clicks interrupt: the page answers while it fills in.
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  const [limit, setLimit] = useState(FIRST_ROWS);
  useEffect(() => {
    if (limit < total) startTransition(() => setLimit(total));
  }, [limit, total]);
  // How many rows of each group are rendered yet, in order.
  const shownOf = new Map<string, number>();
  let budget = limit;
  for (const g of groups) {
    shownOf.set(g.phase, Math.min(g.items.length, Math.max(0, budget)));
    budget -= g.items.length;
  }
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
            {open
              ? g.items
                  .slice(0, shownOf.get(g.phase) ?? 0)
                  .map((item) => (
                    <Row
                      key={item.requirementId}
                      requirementId={item.requirementId}
                      no={item.no}
                      title={localize(item.title)}
                      classification={`${item.layers.map(layerLabel).join('・')} / ${item.phases.map(phaseLabel).join('・')}`}
                      verdict={book.shown(item.requirementId)?.verdict ?? 'unassessed'}
                      marks={marksOf(item, book, w, props.suggested.has(item.requirementId))}
                      saveState={book.state(item.requirementId)}
                      isCurrent={item.requirementId === props.current}
                      tabbable={item.requirementId === props.current || props.current === ''}
                      isSelected={props.selected.has(item.requirementId)}
                      editable={editable}
                      w={w}
                      onOpen={props.onOpen}
                      onSelect={onSelect}
                    />
                  ))
              : null}
          </tbody>
        );
      })}
    </table>
  );
}
