import { mutate, type ServiceContext } from './context.js';
import { kickMail, notify } from './notifications.service.js';

/** Failed logins on one account from several clients: someone may be guessing its password. */
export interface GuessingAlert {
  email: string;
  failures: number;
  clients: number;
  since: string;
}

/**
 * Tells the administrators that an account is under distributed password
 * guessing: the `security.login-guessing` audit entry and, in the same
 * transaction, a notification to every administrator (inbox, and mail where chosen).
 */
export async function alertLoginGuessing(ctx: ServiceContext, alert: GuessingAlert): Promise<void> {
  await mutate(ctx, { kind: 'anonymous' }, { action: 'security.login-guessing', targetType: 'account', targetId: null, detail: { ...alert } }, async (trx) => {
    await notify(
      ctx,
      trx,
      { role: 'admin' },
      {
        kind: 'security',
        title: { ja: 'パスワードの推測が疑われます', en: 'Possible password guessing' },
        body: {
          ja: `${alert.email} に対して ${alert.clients} か所から ${alert.failures} 回のログイン失敗がありました（${alert.since} 以降）。`,
          en: `${alert.failures} failed logins for ${alert.email} from ${alert.clients} clients since ${alert.since}.`,
        },
        link: '/admin/audit?action=security.',
      },
    );
  });
  kickMail(ctx);
}
