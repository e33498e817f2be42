/**
 * Why a password is refused, in both languages. The code travels in the
 * problem's field error (`errors[].code`), the English text as its message;
 * the web UI shows the text of its own language.
 */
export const PASSWORD_REASONS = {
  'password-too-short': { ja: 'パスワードは12文字以上にしてください。', en: 'The password must have at least 12 characters.' },
  'password-too-long': { ja: 'パスワードは256文字以内にしてください。', en: 'The password must have at most 256 characters.' },
  'password-common': {
    ja: 'よく使われるパスワード、または流出したパスワードの一覧にあるもの（やその変形）です。推測されにくい語句を組み合わせてください。',
    en: 'The password is (or closely resembles) one on the list of common and breached passwords. Combine words that are hard to guess.',
  },
  'password-contains-email': {
    ja: 'パスワードに自分のメールアドレス（またはその@より前）を含めないでください。',
    en: 'The password must not contain your email address or its name part.',
  },
  'password-contains-name': { ja: 'パスワードに自分の表示名を含めないでください。', en: 'The password must not contain your display name.' },
  'password-guessable': {
    ja: 'パスワードが推測されやすい形（キーボードの並び、繰り返し、連番、日付など）です。より長く、予測しにくいものにしてください。',
    en: 'The password follows an easily guessed pattern (keyboard rows, repeats, sequences, dates). Make it longer and less predictable.',
  },
} as const satisfies Record<string, { ja: string; en: string }>;

export type PasswordReason = keyof typeof PASSWORD_REASONS;
