import { useEffect } from 'react';
import { messages } from '../i18n/messages';

/** Sets the browser tab title: "<page> — 手引き". */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    const app = `${messages.ja.appName} / ${messages.ja.appNameLatin}`;
    document.title = title ? `${title} — ${app}` : app;
  }, [title]);
}
