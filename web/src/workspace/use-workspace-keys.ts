import { useEffect, useRef } from 'react';
import { VERDICTS, type Verdict } from '../api/assessment.types';

/** What the keys do; the workspace supplies it. */
export interface WorkspaceKeyActions {
  move: (step: 1 | -1) => void;
  nextUnanswered: () => void;
  setVerdict: (verdict: Verdict) => void;
  focusField: (field: 'evidence' | 'comment') => void;
  toggleSelect: () => void;
  undo: () => void;
  focusSearch: () => void;
  backToRow: () => void;
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/**
 * Keyboard work on the assessment: j / k or ↑ / ↓ next and previous item, n
 * next unanswered, 1–6 the verdicts in order, e / c evidence and comment, x
 * select, z undo, / search; Escape from a text field back to the item's row.
 * Keys typed into text fields stay text; a dialog keeps its own keys.
 */
export function useWorkspaceKeys(actions: WorkspaceKeyActions, enabled: boolean): void {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      const a = ref.current;
      if (isTextEntry(event.target)) {
        if (event.key === 'Escape') {
          event.preventDefault();
          a.backToRow();
        }
        return;
      }
      const onRadio = event.target instanceof HTMLInputElement && event.target.type === 'radio';
      const digit = Number(event.key);
      let handled = true;
      if (event.key === 'j' || (event.key === 'ArrowDown' && !onRadio)) a.move(1);
      else if (event.key === 'k' || (event.key === 'ArrowUp' && !onRadio)) a.move(-1);
      else if (event.key === 'n') a.nextUnanswered();
      else if (Number.isInteger(digit) && digit >= 1 && digit <= VERDICTS.length) a.setVerdict(VERDICTS[digit - 1] ?? 'unassessed');
      else if (event.key === 'e') a.focusField('evidence');
      else if (event.key === 'c') a.focusField('comment');
      else if (event.key === 'x') a.toggleSelect();
      else if (event.key === 'z') a.undo();
      else if (event.key === '/') a.focusSearch();
      else handled = false;
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
