import { createContext, type ReactNode, use } from 'react';
import { apiPath } from '../api/client';
import type { EditionList, EditionSummary, Matrix, Term } from '../api/types';
import { type ApiResult, useApi } from '../api/use-api';
import { useSession } from '../session/session';

/**
 * The current edition and its matrix, loaded once and shared: the header shows
 * the edition title, pages use the matrix's layer and phase labels.
 */

interface EditionState {
  /** The list of editions; the current one decides what the pages show. */
  editions: ApiResult<EditionList>;
  current: EditionSummary | null;
  /** Stays 'loading' while there is no current edition: check `editions` first. */
  matrix: ApiResult<Matrix>;
  layer: (id: string) => Term | undefined;
  phase: (id: string) => Term | undefined;
  retry: () => void;
}

const EditionContext = createContext<EditionState | null>(null);

export function EditionProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  // Reload when someone logs in or out: anonymous reading may be switched off.
  const who = session.status === 'loading' ? null : (session.user?.id ?? 'anonymous');
  const editions = useApi<EditionList>(who === null ? null : '/api/editions', who ?? '');

  const current = editions.status === 'ok' ? (editions.data.editions.find((edition) => edition.id === editions.data.current) ?? null) : null;
  const matrixPath = current ? apiPath('editions', current.id, 'matrix') : null;
  const matrix = useApi<Matrix>(matrixPath, who ?? '');

  const data = matrix.status === 'ok' ? matrix.data : null;
  const value: EditionState = {
    editions,
    current,
    matrix,
    layer: (id) => data?.layers.find((layer) => layer.id === id),
    phase: (id) => data?.phases.find((phase) => phase.id === id),
    retry: () => {
      editions.retry();
      matrix.retry();
    },
  };

  return <EditionContext value={value}>{children}</EditionContext>;
}

export function useEdition(): EditionState {
  const state = use(EditionContext);
  if (!state) throw new Error('useEdition needs an EditionProvider');
  return state;
}
