import { createContext, type ReactNode, use, useCallback, useEffect, useMemo, useState } from 'react';
import type { Localized } from '../api/types';
import { LANGS, type Lang, type Messages, messages } from './messages';

/** Where the chosen language is remembered between visits. */
const STORAGE_KEY = 'tebiki.lang';

interface LanguageState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LanguageContext = createContext<LanguageState | null>(null);

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

function readStoredLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLang(stored) ? stored : 'ja';
  } catch {
    // Storage can be blocked (private modes); Japanese is the default.
    return 'ja';
  }
}

/** Holds the UI language: Japanese by default, persisted, reflected in <html lang>. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered, but still switched for this visit.
    }
  }, []);

  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LanguageContext value={value}>{children}</LanguageContext>;
}

/** The current language and a way to change it. */
export function useLanguage(): LanguageState {
  const state = use(LanguageContext);
  if (!state) throw new Error('useLanguage needs a LanguageProvider');
  return state;
}

/** The message catalog of the current language. */
export function useT(): Messages {
  return messages[useLanguage().lang];
}

/** Picks the current language out of a content text from the API. */
export function useLocalize(): (text: Localized | undefined) => string {
  const { lang } = useLanguage();
  return useCallback((text) => (text ? text[lang] || text.ja : ''), [lang]);
}

/** Looks up a label for an id in a catalog table, falling back to the id itself. */
export function labelFor(table: Readonly<Record<string, string>>, id: string): string {
  return table[id] ?? id;
}
