/**
 * The one way a table of fixed wording is written in both languages: the web
 * app's messages, the publications' and reports' labels. Japanese is the
 * source; `bilingual(ja, en)` types the English table from the Japanese one,
 * so a key missing from or added to `en`, a text that is not a string, or a
 * function wanting more arguments than its Japanese twin fails to compile.
 *
 *   const ja = { title: '版', count: (n: number) => `${n}件` };
 *   export const fooMessages = bilingual(ja, { title: 'Edition', count: (n) => `${n} items` });
 *   export type FooMessages = MessagesOf<typeof fooMessages>;
 *
 * Pure, no I/O.
 */

/** The languages of the user interface and of every publication. */
export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The type of a message table written in one language, with its literal texts
 * widened to `string` (functions keep their parameters): the other language's
 * table is typed by it, so a missing or extra key is a type error.
 */
export type Widen<T> = T extends string ? string : T extends (...args: infer A) => string ? (...args: A) => string : { [K in keyof T]: Widen<T[K]> };

/** A table of fixed wording in both languages. */
export type Bilingual<T> = Readonly<Record<Lang, T>>;

/** The one-language table of a bilingual table: what a `useXT()` hook or `packLabels[lang]` hands out. */
export type MessagesOf<B extends Bilingual<unknown>> = B[Lang];

/** Pairs a Japanese table with its English twin, typed from the Japanese one. */
export function bilingual<T>(ja: T, en: NoInfer<Widen<T>>): Bilingual<Widen<T>> {
  // `T` is assignable to `Widen<T>` (only its literal texts are widened), which TypeScript cannot see for a generic `T`.
  return { ja: ja as Widen<T>, en };
}
