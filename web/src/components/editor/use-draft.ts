import { useState } from 'react';
import { apiPath } from '../../api/client';
import { type ApiResult, useApi } from '../../api/use-api';
import { useSession } from '../../session/session';
import type { DraftOptions, DraftOverview } from './editor-api';

/**
 * GET a draft resource for the logged-in user; `reload` fetches it again
 * (after a conflict, or to see someone else's change). Waits for the session
 * so a first load after login does not answer 401.
 */
export function useDraftResource<T>(segments: string[] | null, query = ''): ApiResult<T> & { reload: () => void } {
  const session = useSession();
  const [round, setRound] = useState(0);
  const who = session.status === 'loading' ? null : (session.user?.id ?? 'anonymous');
  const result = useApi<T>(who === null || segments === null ? null : `${apiPath(...segments)}${query ? `?${query}` : ''}`, `${who}|${round}`);
  return { ...result, reload: () => setRound((n) => n + 1) };
}

export const useDraftOverview = (draftId: string) => useDraftResource<DraftOverview>(['drafts', draftId]);
export const useDraftOptions = (draftId: string) => useDraftResource<DraftOptions>(['drafts', draftId, 'options']);
