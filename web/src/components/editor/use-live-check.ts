import { useCallback, useEffect, useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { type DraftProblem, draftApi, type ItemKind } from './editor-api';
import type { ErrorsAt } from './fields';
import { fieldErrorText } from '../status';

/** How long typing must pause before the draft is asked about the change. */
const DEBOUNCE_MS = 350;

export interface LiveCheck {
  problems: DraftProblem[];
  checking: boolean;
  /** The error message for a path inside the item (`title.en`), in the UI language when known. */
  errorsAt: ErrorsAt;
  /** Problems no field shows: elsewhere in the draft, or on paths the form has no control for. */
  replace: (problems: DraftProblem[]) => void;
}

/**
 * Asks the draft (POST /api/drafts/:id/check) what a write of `item` would
 * meet, shortly after the user stops typing. Nothing is stored. The answer
 * uses the same rules as saving, so the form shows exactly what a save would
 * refuse.
 */
export function useLiveCheck(draftId: string, kind: ItemKind, item: unknown, mode: 'create' | 'update'): LiveCheck {
  const t = useT();
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [checking, setChecking] = useState(false);
  const key = JSON.stringify(item);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setChecking(true);
      draftApi.check(draftId, kind, JSON.parse(key) as unknown, mode, controller.signal).then(
        (result) => {
          if (controller.signal.aborted) return;
          setProblems(result.problems);
          setChecking(false);
        },
        () => {
          // A failed check leaves the last answer; saving reports for itself.
          if (!controller.signal.aborted) setChecking(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [draftId, kind, key, mode]);

  const byPath = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of problems) {
      if (p.severity !== 'error' || !p.path.startsWith(`${kind}.`)) continue;
      const path = p.path.slice(kind.length + 1);
      const message = fieldErrorText(t, p);
      map.set(path, map.has(path) ? `${map.get(path)} ${message}` : message);
    }
    return map;
  }, [problems, kind, t]);

  const errorsAt = useCallback((path: string) => byPath.get(path), [byPath]);
  return { problems, checking, errorsAt, replace: setProblems };
}
