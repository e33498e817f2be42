import { useLanguage } from './i18n';

/** Formats an ISO time for the UI language, in the viewer's time zone. */
export function useDateTime(): (iso: string) => string {
  const { lang } = useLanguage();
  const format = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}
