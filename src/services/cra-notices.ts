import type { CraStage, EscalationThreshold } from '../core/cra/cra-clocks.js';
import { type CraCaseRow, listContacts, organisationManagers } from '../store/cra.repository.js';
import type { Db } from '../store/database.js';
import type { ServiceContext } from './context.js';
import { notify } from './notifications.service.js';

/** The CRA reporting notices: a case opened or proposed, and each escalation before and after a deadline. */

const STAGE = {
  'early-warning': { ja: '早期警告（24時間）', en: 'early warning (24 h)' },
  notification: { ja: '通知（72時間）', en: 'notification (72 h)' },
  final: { ja: '最終報告', en: 'final report' },
} as const;

const LEFT = {
  'left-12h': { ja: '残り12時間', en: '12 hours left' },
  'left-4h': { ja: '残り4時間', en: '4 hours left' },
  'left-1h': { ja: '残り1時間', en: '1 hour left' },
  missed: { ja: '期限切れ', en: 'deadline missed' },
} as const;

const tag = (row: CraCaseRow) => (row.drill === 1 ? { ja: '【訓練】', en: '[DRILL] ' } : { ja: '', en: '' });

async function contactIds(trx: Db, productId: string): Promise<string[]> {
  return (await listContacts(trx, [productId])).map((c) => c.user_id);
}

/** The owner and deputies learn at once that a case was opened (or proposed for their decision). */
export async function notifyCaseOpened(ctx: ServiceContext, trx: Db, row: CraCaseRow, productName: string): Promise<number> {
  const t = tag(row);
  const proposed = row.status === 'proposed';
  const due = new Date(Date.parse(row.aware_at) + 24 * 3_600_000).toISOString();
  return notify(
    ctx,
    trx,
    { userIds: await contactIds(trx, row.product_id) },
    {
      kind: 'cra-case',
      title: proposed
        ? { ja: `${t.ja}CRA 報告案件の提案: ${row.title}`, en: `${t.en}CRA reporting case proposed: ${row.title}` }
        : { ja: `${t.ja}CRA 報告案件: ${row.title}`, en: `${t.en}CRA reporting case opened: ${row.title}` },
      body: proposed
        ? {
            ja: `${productName} に既知の悪用された脆弱性（KEV）が該当します。悪用されているか判断してください。`,
            en: `A known exploited vulnerability (KEV) matches ${productName}. Decide whether it is actively exploited.`,
          }
        : {
            ja: `${productName} の報告責任者に指名されています。早期警告の期限は ${due}（UTC）です。`,
            en: `You are named for reporting on ${productName}. The early warning is due ${due} (UTC).`,
          },
      link: `/cra/cases/${encodeURIComponent(row.id)}`,
    },
  );
}

/**
 * One escalation: owner and deputies always; the organisation's managers too
 * when one hour is left or the deadline is missed.
 */
export async function notifyEscalation(
  ctx: ServiceContext,
  trx: Db,
  row: CraCaseRow,
  e: { stage: CraStage; threshold: EscalationThreshold; dueAt: string },
): Promise<number> {
  const t = tag(row);
  const wide = e.threshold === 'left-1h' || e.threshold === 'missed';
  const ids = [...(await contactIds(trx, row.product_id)), ...(wide ? await organisationManagers(trx, row.organisation_id) : [])];
  const s = STAGE[e.stage];
  const l = LEFT[e.threshold];
  return notify(
    ctx,
    trx,
    { userIds: ids },
    {
      kind: 'cra-escalation',
      title: { ja: `${t.ja}${l.ja}: ${s.ja} — ${row.title}`, en: `${t.en}${l.en}: ${s.en} — ${row.title}` },
      body: {
        ja: `${s.ja}の期限は ${e.dueAt}（UTC）です。${e.threshold === 'missed' ? '期限を過ぎました。直ちに提出し、遅延の理由を記録してください。' : '提出を済ませ、送付済みにしてください。'}`,
        en: `The ${s.en} is due ${e.dueAt} (UTC). ${e.threshold === 'missed' ? 'The deadline has passed: submit now and record why it was late.' : 'Submit it and mark it sent.'}`,
      },
      link: `/cra/cases/${encodeURIComponent(row.id)}`,
    },
  );
}
