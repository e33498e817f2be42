import { mutate, type ServiceContext } from './context.js';

/** Failed logins on one account from several clients: someone may be guessing its password. */
export interface GuessingAlert {
  email: string;
  failures: number;
  clients: number;
  since: string;
}

/**
 * Tells the administrators that an account is under distributed password
 * guessing. Writes the `security.login-guessing` audit entry; this is the one
 * place to also notify administrators (the inbox) once that exists.
 */
export async function alertLoginGuessing(ctx: ServiceContext, alert: GuessingAlert): Promise<void> {
  await mutate(
    ctx,
    { kind: 'anonymous' },
    { action: 'security.login-guessing', targetType: 'account', targetId: null, detail: { ...alert } },
    async () => undefined,
  );
}
