import { useCallback, useMemo, useRef, useState } from 'react';
import type { AssessmentView } from '../api/assessment.types';
import { Notice } from '../components/status';
import { useLanguage } from '../i18n/i18n';
import { workspaceMessages } from '../i18n/messages-workspace';
import { navigate, useLocation } from '../router/router';
import { BulkBar } from './bulk-bar';
import { FilterBar } from './filter-bar';
import { ItemPane } from './item-pane';
import { ItemTable } from './item-table';
import { ProgressBar } from './progress-bar';
import { useAnswerBook } from './use-answer-book';
import { suggestionsByRun } from './suggestions';
import { useSuggestions } from './use-suggestions';
import { useWorkspaceKeys } from './use-workspace-keys';
import { EMPTY_FILTER, filterFromSearch, groupByPhase, matches, searchOf, type WorkspaceFilter } from './workspace-filter';
import './workspace.css';

interface WorkspaceProps {
  view: AssessmentView;
  editable: boolean;
  /** After any stored change: the page refreshes status and version. */
  onSaved: () => void;
  /** After a change made elsewhere on the server (accepted suggestions): load everything again. */
  onReload: () => void;
}

function focusRow(requirementId: string) {
  requestAnimationFrame(() => {
    const button = document.querySelector<HTMLButtonElement>(`tr[data-item="${CSS.escape(requirementId)}"] button.item-open`);
    button?.focus();
    button?.scrollIntoView({ block: 'nearest' });
  });
}

/** The assessment as a table of items with a detail pane, filters in the URL, keyboard work and autosave. */
export function Workspace({ view, editable, onSaved, onReload }: WorkspaceProps) {
  const { lang } = useLanguage();
  const w = workspaceMessages[lang];
  const location = useLocation();
  const { filter, item: itemInUrl } = filterFromSearch(location.search);
  const book = useAnswerBook(view.id, view.answers, onSaved);
  const { suggestions, accept } = useSuggestions(view.id, 0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [paneOpen, setPaneOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const suggested = useMemo(() => new Set(suggestions.keys()), [suggestions]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: book.revision marks changed answers.
  const visible = useMemo(
    () =>
      view.items.filter((i) => {
        const answer = book.answer(i.requirementId);
        if (!answer) return false;
        const shown = book.shown(i.requirementId) ?? answer;
        return matches(i, { answer: { ...answer, ...shown }, suggested: suggested.has(i.requirementId) }, filter);
      }),
    [view.items, book.revision, suggested, location.search],
  );
  const groups = useMemo(() => groupByPhase(visible, view.spec.phases), [visible, view.spec.phases]);
  const order = useMemo(() => groups.filter((g) => !collapsed.has(g.phase)).flatMap((g) => g.items), [groups, collapsed]);
  const current = itemInUrl || order[0]?.requirementId || '';
  const currentItem = view.items.find((i) => i.requirementId === current);

  // Stable handlers for the memoised rows; they call the latest closures.
  const latest = useRef<{ open: (id: string) => void; select: (ids: string[], on: boolean) => void }>({ open: () => undefined, select: () => undefined });
  const onOpenRow = useCallback((id: string) => latest.current.open(id), []);
  const onSelectRows = useCallback((ids: string[], on: boolean) => latest.current.select(ids, on), []);

  const go = useCallback(
    (next: WorkspaceFilter, item: string) => navigate(`${location.pathname}${searchOf(next, item)}`, { replace: true }),
    [location.pathname],
  );
  const open = (id: string, focus = true) => {
    go(filter, id);
    setPaneOpen(true);
    if (focus) focusRow(id);
  };
  const select = (ids: string[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      return next;
    });

  const undo = () => {
    const no = book.undoLast();
    setNotice(no ? w.undone(no) : w.nothingToUndo);
  };

  latest.current = { open: (id) => open(id, false), select };

  useWorkspaceKeys(
    {
      move: (step) => {
        const at = order.findIndex((i) => i.requirementId === current);
        const next = order[Math.min(order.length - 1, Math.max(0, at + step))];
        if (next) open(next.requirementId);
      },
      nextUnanswered: () => {
        const at = order.findIndex((i) => i.requirementId === current);
        const rest = [...order.slice(at + 1), ...order.slice(0, at + 1)];
        const next = rest.find((i) => book.shown(i.requirementId)?.verdict === 'unassessed');
        if (next) open(next.requirementId);
      },
      setVerdict: (verdict) => {
        if (editable && current) book.edit(current, { verdict }, true);
      },
      focusField: (field) => document.querySelector<HTMLTextAreaElement>(`.item-pane textarea[data-field="${field}"]`)?.focus(),
      toggleSelect: () => {
        if (editable && current) select([current], !selected.has(current));
      },
      undo,
      focusSearch: () => document.querySelector<HTMLInputElement>('input[data-workspace-search]')?.focus(),
      backToRow: () => {
        // Leave the text field at once, so that the next key already works on the list.
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        if (current) {
          book.flush(current);
          focusRow(current);
        }
      },
    },
    true,
  );

  const acceptSuggestions = (ids: string[]) => void accept(ids).then(onReload, () => undefined);

  return (
    <div className={paneOpen ? 'workspace pane-open' : 'workspace'}>
      <ProgressBar view={view} book={book} w={w} version={view.version} onShowBlockers={() => go({ ...EMPTY_FILTER, states: ['unanswered'] }, '')} />
      <p className="field-hint workspace-keys">{w.keys}</p>
      <FilterBar
        items={view.items}
        filter={filter}
        w={w}
        shown={visible.length}
        targetStandard={view.spec.target?.standard ?? null}
        onChange={(f) => go(f, itemInUrl)}
      />
      {editable && (selected.size > 0 || suggestions.size > 0) ? (
        <BulkBar
          count={selected.size}
          w={w}
          runs={suggestionsByRun(suggestions)}
          onApply={(verdict, comment) => book.bulk([...selected], verdict, comment)}
          onAcceptRun={acceptSuggestions}
          onClear={() => setSelected(new Set())}
        />
      ) : null}
      {editable && (book.canUndo || notice) ? (
        <p className="undo-line">
          <button type="button" className="button button-ghost" disabled={!book.canUndo} onClick={undo}>
            {w.undo}
          </button>{' '}
          {notice ? <span role="status">{notice}</span> : null}
        </p>
      ) : null}
      <div className="workspace-main">
        <div className="workspace-list">
          {visible.length === 0 ? <Notice kind="info">{w.empty}</Notice> : null}
          <ItemTable
            groups={groups}
            book={book}
            w={w}
            current={current}
            selected={selected}
            collapsed={collapsed}
            suggested={suggested}
            editable={editable}
            onOpen={onOpenRow}
            onSelect={onSelectRows}
            onToggleGroup={(phase) =>
              setCollapsed((c) => {
                const next = new Set(c);
                next.has(phase) ? next.delete(phase) : next.add(phase);
                return next;
              })
            }
          />
        </div>
        <div className="workspace-pane">
          {currentItem ? (
            <ItemPane
              key={currentItem.requirementId}
              assessmentId={view.id}
              editionId={view.edition.id}
              item={currentItem}
              book={book}
              w={w}
              editable={editable}
              suggestion={suggestions.get(currentItem.requirementId)}
              onAccept={acceptSuggestions}
              onBack={() => {
                setPaneOpen(false);
                focusRow(currentItem.requirementId);
              }}
            />
          ) : (
            <p className="muted">{w.noSelection}</p>
          )}
        </div>
      </div>
    </div>
  );
}
