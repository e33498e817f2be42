import { useEffect, useState } from 'react';
import type { Checksheet } from '../api/assessment.types';
import { api, type ApiError, asApiError } from '../api/client';
import { type SpecState, specRequest } from './checksheet-spec';

export type PreviewState = { status: 'idle' | 'loading' } | { status: 'ok'; count: number; excluded: number } | { status: 'error'; error: ApiError };

/** The live item count of a scope; asks again a moment after the last change and drops stale answers. */
export function usePreview(spec: SpecState): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const body = JSON.stringify(specRequest(spec));
  useEffect(() => {
    if (!spec.editionId) return;
    let gone = false;
    setState({ status: 'loading' });
    const timer = setTimeout(() => {
      api.post<Checksheet>('/api/checksheets/preview', JSON.parse(body)).then(
        (sheet) => {
          if (!gone) setState({ status: 'ok', count: sheet.items.length, excluded: sheet.excluded.length });
        },
        (error: unknown) => {
          if (!gone) setState({ status: 'error', error: asApiError(error) });
        },
      );
    }, 250);
    return () => {
      gone = true;
      clearTimeout(timer);
    };
  }, [body, spec.editionId]);
  return state;
}
