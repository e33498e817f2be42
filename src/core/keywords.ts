import type { Edition, GlossaryTerm } from './model/edition.schema.js';
import { isHan, isKatakana, normalizeText } from './search/normalize.js';
import { requirementTexts } from './search/requirement-texts.js';

/**
 * キーワード抽出: terms the requirement texts use that the glossary does not
 * define yet, as candidates for new glossary entries. Japanese compounds come
 * from Intl.Segmenter word segments, adjacent katakana/kanji/Latin pieces
 * merged (セッション + 管理 → セッション管理); English candidates are phrases
 * of one to three content words. Ranked by how often they occur, then in how
 * many requirements. Heuristic by nature: an editor reviews the list. Pure.
 */

export type KeywordLang = 'ja' | 'en';

export interface KeywordOccurrence {
  requirementId: string;
  number: string;
  /** Path of the text in the requirement, e.g. `criteria[2]`, `interpretation[0].countermeasures[1]`. */
  field: string;
}

export interface KeywordCandidate {
  term: string;
  lang: KeywordLang;
  /** Occurrences in all texts. */
  count: number;
  /** Number of distinct requirements it occurs in. */
  requirements: number;
  /** One entry per requirement text it occurs in, by requirement number. */
  occurrences: KeywordOccurrence[];
}

export interface KeywordOptions {
  /** At most this many candidates (after ranking). */
  limit?: number;
}

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Generic Japanese nouns that are never glossary material on their own. */
const JA_STOP = words(`こと もの ため 場合 必要 確認 実施 使用 利用 対応 以下 以上 以外 一覧 記録 方法 手順 内容 結果 対象 範囲 状態
  有無 可能 不要 一部 全て 複数 一つ 例 等 時 際 後 前 中 間 上 下 内 外 他 方 点 毎 都度 程度 場所 理由 目的 判断 通常 特定 個別 同様
  定期 事前 最新 既存 新規 設定 管理 保護 機能 情報 製品 機器 実行 変更 提供 追加 削除 作成 取得 登録 保存 送信 受信 検出 防止 制限 無効 有効
  適用 確保 維持 定義 指定 要求 許可 拒否 発生 存在 関係 担当 一致 比較 区別 表示 記載 文書 説明 参照 該当 全台 個体 本番 最小 最大 初回
  設計 検証 操作 修正 影響 停止 終了 開始 完了 継続 失敗 動作 処理 限定 想定 直近 自動 手動 共通 既知 入手 照合 外部 内部 公開 報告 通知
  評価 開発 構成 方式 計画 起動 発行 実装 判定 選定 整備 準備 導入 実現 達成 考慮 検討 決定 把握 周知 明示 明記 記述 保持 反映 推奨 禁止
  以降 以前 全体 単位 一定 十分 困難 容易 安全 不明 適切 正常 異常 独自 固有 任意 主要 重要 一般 通常時 定期的 継続的 具体的 技術的 物理的 論理的`);

/** Single-character segments that are affixes rather than part of a term: 各機器 → 機器, 通信時 → 通信. */
const JA_EDGE_AFFIXES = words('各 全 同 当 本 該 毎 諸 他 別 等 時 内 上 中 後 前 間 用 側 ごと 下 外 済');

/** After one of these, a capitalised first word is an instruction (Review the…, Check that…), not a term. */
const EN_DETERMINERS = words('the a an that whether each every all any how what which who its their whose if');

/** English function words, common verbs and adverbs: they end a candidate phrase. */
const EN_STOP = words(`a an the and or nor but if then else so as at by for from in into of off on onto out over per to up via with within without
  about above after against along among around before behind below beneath beside between beyond during except inside near outside since than
  through throughout toward towards under until upon while whether where when which who whom whose what why how that this these those there
  here it its it's they them their theirs he she his her we us our you your i me my one ones each every all any both either neither some such
  no not never only also even just still yet already again very more most less least much many few several other another same own else
  is are was were be been being am has have had having do does did done doing can cannot could may might must shall should will would
  use used uses using make makes made making keep keeps kept ensure ensures ensured check checks checked confirm confirms confirmed
  verify verifies verified record records recorded document documented require requires required need needs needed allow allows allowed
  provide provides provided include includes included including give gives given take takes taken get gets got set sets follow follows
  followed apply applies applied become becomes let lets try tries tried see seen look looks find finds found know known show shows shown
  run runs ran go goes went come comes came put puts say says said tell tells told ask asks asked reach reaches reached stop stops stopped
  start starts started remain remains remained contain contains contained describe describes described consider considered obtain obtains
  obtained read reads written write writes state states stated etc e.g i.e e g ie eg like well way ways case cases part parts time times
  instead rather whenever wherever however therefore thus otherwise once twice first second third last next new old same possible
  available necessary appropriate relevant specific certain particular enough able unable likely`);

const LATIN_PIECE = /^[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*$/;
const jaSegmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** Glossary and candidate keys: NFKC, lower case, ー at the end of katakana words dropped, no spaces or ・. */
function jaKey(text: string): string {
  return normalizeText(text).text.replace(/[\s・]+/g, '');
}

/** English key: lower case, single spaces, last word in a rough singular (keys → key, policies → policy). */
function enKey(text: string): string {
  const parts = text.toLowerCase().trim().split(/\s+/);
  const last = parts.pop() ?? '';
  const singular = /ies$/.test(last) && last.length > 4 ? `${last.slice(0, -3)}y` : /[^su]s$/.test(last) && last.length > 3 ? last.slice(0, -1) : last;
  return [...parts, singular].join(' ');
}

const toKatakana = (s: string) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/** Every way a glossary entry may be written: whole, without its parenthesis, the parenthesis, its ・ / separated parts, its reading. */
function glossaryVariants(term: GlossaryTerm): string[] {
  const variants: string[] = [];
  for (const text of [term.term.ja, term.term.en]) {
    const normal = text.normalize('NFKC');
    variants.push(normal);
    const outside = normal.replace(/\([^)]*\)/g, ' ').trim();
    variants.push(outside);
    for (const inner of normal.matchAll(/\(([^)]*)\)/g)) variants.push(inner[1] ?? '', ...(inner[1] ?? '').split(/[・、,/]| or | and /));
  }
  if (term.reading) variants.push(toKatakana(term.reading));
  return variants.map((v) => v.trim()).filter(Boolean);
}

function glossaryKeys(glossary: readonly GlossaryTerm[]): Set<string> {
  const keys = new Set<string>();
  for (const term of glossary) {
    for (const variant of glossaryVariants(term)) {
      keys.add(jaKey(variant));
      keys.add(enKey(variant));
    }
  }
  return keys;
}

type PieceKind = 'kana-kanji' | 'latin' | 'other';

function pieceKind(segment: string): PieceKind {
  if (LATIN_PIECE.test(segment)) return 'latin';
  for (const ch of segment) if (!(isKatakana(ch) || ch === 'ー' || isHan(ch))) return 'other';
  return 'kana-kanji';
}

/** Word segments with Latin words rejoined across - and . (Wi-Fi, X.509), which the segmenter splits. */
function jaPieces(text: string): { segment: string; kind: PieceKind }[][] {
  const groups: { segment: string; kind: PieceKind }[][] = [];
  let group: { segment: string; kind: PieceKind }[] = [];
  const segments = [...jaSegmenter.segment(text)].map((s) => s.segment);
  for (let i = 0; i < segments.length; i++) {
    let segment = segments[i] as string;
    while (LATIN_PIECE.test(segment) && (segments[i + 1] === '-' || segments[i + 1] === '.') && LATIN_PIECE.test(segments[i + 2] ?? '')) {
      segment += `${segments[i + 1]}${segments[i + 2]}`;
      i += 2;
    }
    const kind = pieceKind(segment);
    if (kind === 'other') {
      if (group.length) groups.push(group);
      group = [];
    } else group.push({ segment, kind });
  }
  if (group.length) groups.push(group);
  return groups;
}

/** Compound nouns of Japanese text: maximal runs of katakana/kanji/Latin pieces, affixes and bare numbers trimmed. */
export function japaneseCandidates(text: string): string[] {
  const found: string[] = [];
  for (let group of jaPieces(text.normalize('NFKC'))) {
    const trim = (p: { segment: string; kind: PieceKind } | undefined) => !!p && (JA_EDGE_AFFIXES.has(p.segment) || /^[0-9.-]+$/.test(p.segment));
    while (trim(group[0])) group = group.slice(1);
    while (trim(group[group.length - 1])) group = group.slice(0, -1);
    if (!group.some((p) => p.kind === 'kana-kanji')) continue;
    const term = group.map((p) => p.segment).join('');
    if ([...term].length < 2 || JA_STOP.has(term)) continue;
    found.push(term);
  }
  return found;
}

const EN_WORD = /[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*/g;

function isContentWord(word: string): boolean {
  const lower = word.toLowerCase();
  return !EN_STOP.has(lower) && !/ly$/.test(lower) && !/'s$/.test(lower) && lower.length >= 2;
}

/**
 * Noun phrases of English text, approximated without a tagger: runs of content
 * words not separated by punctuation; a lone word is a candidate, a longer run
 * gives each two- and three-word phrase in it (session management from
 * "session management method"), and frequency sorts the useful ones up.
 */
export function englishCandidates(text: string): string[] {
  const found: string[] = [];
  let run: string[] = [];
  let lastEnd = -1;
  const flush = () => {
    // A past participle ends no noun phrase ("recorded"), though it may start one ("signed firmware").
    while (run.length && /ed$/i.test(run[run.length - 1] as string)) run.pop();
    if (run.length === 1 && (run[0] as string).length >= 3) found.push(run[0] as string);
    for (let size = 2; size <= 3; size++) {
      for (let i = 0; i + size <= run.length; i++) {
        const phrase = run.slice(i, i + size);
        if (!/ed$/i.test(phrase[size - 1] as string)) found.push(phrase.join(' '));
      }
    }
    run = [];
  };
  const matches = [...text.matchAll(EN_WORD)];
  matches.forEach((match, i) => {
    const word = match[0];
    const start = match.index ?? 0;
    const adjacent = lastEnd >= 0 && /^ +$/.test(text.slice(lastEnd, start));
    const sentenceStart = lastEnd < 0 || /[.!?:;]/.test(text.slice(lastEnd, start));
    const instruction = sentenceStart && /^[A-Z][a-z]/.test(word) && EN_DETERMINERS.has(matches[i + 1]?.[0].toLowerCase() ?? '');
    if (!adjacent) flush();
    if (isContentWord(word) && !instruction) run.push(word);
    else flush();
    lastEnd = start + word.length;
  });
  flush();
  return found;
}

interface Tally {
  lang: KeywordLang;
  surfaces: Map<string, number>;
  count: number;
  requirements: Set<string>;
  occurrences: Map<string, KeywordOccurrence>;
}

function mostCommonSurface(surfaces: Map<string, number>): string {
  // Prefer the lower-case spelling on ties: a capital is usually just the start of a sentence.
  return (
    [...surfaces].sort((a, b) => b[1] - a[1] || Number(a[0] !== a[0].toLowerCase()) - Number(b[0] !== b[0].toLowerCase()) || (a[0] < b[0] ? -1 : 1))[0]?.[0] ??
    ''
  );
}

/**
 * Candidate glossary terms of an edition: used in requirement texts, with no
 * glossary entry under that term (ja or en, the part outside or inside its
 * parentheses) or reading. Most frequent first; ties by number of
 * requirements, then by term.
 */
export function extractKeywords(edition: Edition, options: KeywordOptions = {}): KeywordCandidate[] {
  const known = glossaryKeys(edition.glossary);
  const memo = new Map<string, string>();
  const keyOf = (lang: KeywordLang, surface: string) => {
    const id = `${lang}:${surface}`;
    let key = memo.get(id);
    if (key === undefined) {
      key = lang === 'ja' ? jaKey(surface) : enKey(surface);
      // An English surface is also looked up the Japanese way (TLS, Wi-Fi are entries under term.ja).
      if (known.has(key) || known.has(jaKey(surface))) key = '';
      memo.set(id, key);
    }
    return key;
  };
  const tallies = new Map<string, Tally>();
  for (const r of edition.requirements) {
    for (const [field, text] of requirementTexts(r)) {
      const found: [KeywordLang, string][] = [
        ...japaneseCandidates(text.ja).map((t): [KeywordLang, string] => ['ja', t]),
        ...englishCandidates(text.en).map((t): [KeywordLang, string] => ['en', t]),
      ];
      for (const [lang, surface] of found) {
        const key = keyOf(lang, surface);
        if (!key) continue;
        const id = `${lang}:${key}`;
        const tally = tallies.get(id) ?? { lang, surfaces: new Map(), count: 0, requirements: new Set(), occurrences: new Map() };
        tally.surfaces.set(surface, (tally.surfaces.get(surface) ?? 0) + 1);
        tally.count++;
        tally.requirements.add(r.id);
        tally.occurrences.set(`${r.id}|${field}`, { requirementId: r.id, number: r.number, field });
        tallies.set(id, tally);
      }
    }
  }
  const order = new Map(edition.requirements.map((r, i) => [r.id, i]));
  const byNumber = new Intl.Collator('en', { numeric: true }).compare;
  const candidates = [...tallies.values()].map(
    (t): KeywordCandidate => ({
      term: mostCommonSurface(t.surfaces),
      lang: t.lang,
      count: t.count,
      requirements: t.requirements.size,
      // By requirement number (D-2 before D-10), each requirement's texts in reading order.
      occurrences: [...t.occurrences.values()].sort(
        (a, b) => byNumber(a.number, b.number) || (order.get(a.requirementId) ?? 0) - (order.get(b.requirementId) ?? 0),
      ),
    }),
  );
  candidates.sort(
    (a, b) => b.count - a.count || b.requirements - a.requirements || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0) || (a.lang < b.lang ? -1 : 1),
  );
  return options.limit === undefined ? candidates : candidates.slice(0, Math.max(0, options.limit));
}
