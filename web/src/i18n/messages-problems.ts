import { bilingual, type MessagesOf } from '../../../src/core/bilingual.js';
import type { ErrorCode, FieldErrorCode } from '../../../src/core/errors.js';
import { documentProblemMessages } from './messages-document-problems.js';

/**
 * Messages of the server's error catalog: the problem of a refused request and the error of one field.
 * `ja` is the source; `en` is typed from it, so a key missing from or added
 * to `en` fails to compile. Part of the catalog in messages.ts.
 */
const ja = {
  /** Every error code of the server's catalog (src/core/errors.ts); a missing one fails to compile. */
  problems: {
    'validation-failed': '入力内容を確認してください。',
    unauthenticated: 'ログインが必要です。ログインし直してください。',
    'invalid-credentials': 'メールアドレスまたはパスワードが違います。',
    'login-blocked': 'この端末からのログインの失敗が続いたため、一時的にログインを受け付けていません。しばらくしてからお試しください。',
    forbidden: 'この操作を行う権限がありません。',
    'csrf-failed': 'セッションの確認に失敗しました。ページを再読み込みしてください。',
    'not-found': 'お探しの内容は見つかりませんでした。',
    conflict:
      '現在の状態と合わないため、変更できませんでした（確定済みの診断は変更できません。ほかの人が先に変更した場合は、再読み込みしてからやり直してください）。',
    immutable: '公開済みの版は変更できません。変更は新しい版として公開してください。',
    'setup-token-invalid': 'セットアップ用リンクが無効か、使用済みか、期限切れです。',
    'setup-complete': '初期設定はすでに完了しています。',
    'second-factor-required': '先に二要素認証を設定してください。',
    'rate-limited': 'リクエストが多すぎます。しばらくしてからお試しください。',
    'payload-too-large': '送信した内容が大きすぎます。',
    unavailable: '一時的に利用できません。しばらくしてからお試しください。',
    internal: 'サーバーでエラーが発生しました。記録されていますので、しばらくしてからお試しください。',
  } satisfies Record<ErrorCode, string>,
  /** Every field-error code of the server's catalog (src/core/errors.ts), shown next to the field. */
  fieldErrors: {
    ...documentProblemMessages.ja.documentProblems,
    required: '入力してください。',
    'wrong-type': '値の種類が正しくありません。',
    'too-short': '短すぎます。',
    'too-long': '長すぎます。',
    'too-few': '数が足りません。',
    'too-many': '数が多すぎます。',
    'too-small': '値が小さすぎます。',
    'too-large': '値が大きすぎます。',
    'bad-format': '形式が正しくありません。',
    'not-allowed': '選べる値ではありません。',
    'unknown-field': '不明な項目です。',
    'nul-character': 'NUL文字（U+0000）は使えません。',
    'control-characters': '制御文字は使えません。',
    wrong: '正しくありません。',
    'in-future': '未来の日時は指定できません。',
    'before-awareness': '認識した日時より前は指定できません。',
    'already-exists': 'すでに使われています。',
    unknown: '存在しないか、選べないものです。',
    missing: '指定されていません。',
    'note-required': 'メモを入力してください。',
    'required-to-send': '送付済みにする前に入力してください。',
    'earlier-report-unsent': '先に、前の段階の報告を送付済みにしてください。',
    'corrective-missing': '先に、是正措置または緩和措置を記録してください。',
    unassessed: '判定が未評価の項目があります：',
    invalid: '値が正しくありません。',
  } satisfies Record<FieldErrorCode, string>,
  /** The sentence of a field error made from its params, for the codes that carry some. */
  fieldErrorDetails: documentProblemMessages.ja.fieldErrorDetails,
  problemPlaces: documentProblemMessages.ja.problemPlaces,
};

export const problemMessages = bilingual(ja, {
  problems: {
    'validation-failed': 'Please check your input.',
    unauthenticated: 'You need to log in. Please log in again.',
    'invalid-credentials': 'The email address or password is wrong.',
    'login-blocked': 'Too many failed logins from this device: logins from it are refused for a while. Please try again later.',
    forbidden: 'You do not have permission to do this.',
    'csrf-failed': 'The session could not be verified. Please reload the page.',
    'not-found': 'What you are looking for was not found.',
    conflict: 'This could not be changed in its current state (a final assessment cannot be changed; if someone else changed it first, reload and try again).',
    immutable: 'A published edition cannot be changed. Publish the change as a new edition.',
    'setup-token-invalid': 'The setup link is invalid, already used or expired.',
    'setup-complete': 'Initial setup has already been completed.',
    'second-factor-required': 'Please set up a second factor first.',
    'rate-limited': 'Too many requests. Please try again in a moment.',
    'payload-too-large': 'What you sent is too large.',
    unavailable: 'Temporarily unavailable. Please try again in a moment.',
    internal: 'An error occurred on the server. It has been logged; please try again later.',
  },
  fieldErrors: {
    ...documentProblemMessages.en.documentProblems,
    required: 'Please fill in this field.',
    'wrong-type': 'The value has the wrong type.',
    'too-short': 'Too short.',
    'too-long': 'Too long.',
    'too-few': 'Too few entries.',
    'too-many': 'Too many entries.',
    'too-small': 'The value is too small.',
    'too-large': 'The value is too large.',
    'bad-format': 'The format is not right.',
    'not-allowed': 'Not one of the values you can choose.',
    'unknown-field': 'Not a known field.',
    'nul-character': 'The NUL character (U+0000) is not allowed.',
    'control-characters': 'Control characters are not allowed.',
    wrong: 'This is not right.',
    'in-future': 'A time in the future cannot be given.',
    'before-awareness': 'A time before awareness cannot be given.',
    'already-exists': 'This is already taken.',
    unknown: 'This does not exist or cannot be chosen.',
    missing: 'This is missing.',
    'note-required': 'Please write a note.',
    'required-to-send': 'Fill this in before the report is marked sent.',
    'earlier-report-unsent': 'Mark the earlier report sent first.',
    'corrective-missing': 'Record the corrective or mitigating measure first.',
    unassessed: 'These items have no verdict yet:',
    invalid: 'The value is not valid.',
  },
  fieldErrorDetails: documentProblemMessages.en.fieldErrorDetails,
  problemPlaces: documentProblemMessages.en.problemPlaces,
});

export type ProblemMessages = MessagesOf<typeof problemMessages>;
