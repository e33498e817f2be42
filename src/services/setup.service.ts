import { z } from 'zod';
import { ANONYMOUS } from '../core/authorization.js';
import { AppError, ERROR_CATALOG, validationErrors } from '../core/errors.js';
import { fieldErrorsOf } from '../core/zod-field-errors.js';
import { consumeSetupToken, findSetupToken, insertSetupToken, revokeSetupTokens } from '../store/sessions.repository.js';
import type { UserRow } from '../store/users.repository.js';
import { countAdmins } from '../store/users.repository.js';
import { type ServiceContext, mutate } from './context.js';
import { newToken, tokenHash } from './tokens.js';
import { createUserIn, NewUserInput, toUserView, type UserView } from './users.js';

const SETUP_LINK_HOURS = 24;

export async function isSetupRequired(ctx: ServiceContext): Promise<boolean> {
  return (await countAdmins(ctx.store.db)) === 0;
}

/**
 * Creates a one-time setup link when no administrator exists yet; older
 * unused links stop working. The token travels in the URL fragment, which
 * browsers never send to a server, so it appears in no request log.
 */
export async function issueSetupLink(ctx: ServiceContext, options: { revokeOlder?: boolean } = {}): Promise<string | null> {
  if (!(await isSetupRequired(ctx))) return null;
  const token = newToken();
  const now = ctx.now();
  await mutate(ctx, ANONYMOUS, { action: 'setup.link-issued', targetType: 'setup', targetId: null }, async (trx) => {
    // Several server processes starting together each print a link, and each must
    // work whichever process answers; only `bin/tebiki setup-link` revokes older ones.
    if (options.revokeOlder !== false) await revokeSetupTokens(trx, now.toISOString());
    await insertSetupToken(trx, {
      token_hash: tokenHash(token),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SETUP_LINK_HOURS * 3600_000).toISOString(),
      used_at: null,
    });
  });
  return `${ctx.config.publicUrl}/setup#token=${token}`;
}

export const SetupInput = z.object({
  token: z.string().min(1).max(200),
  email: z.string(),
  displayName: z.string(),
  password: z.string(),
});

/** Uses the one-time token to create the first administrator. */
export async function completeSetup(ctx: ServiceContext, input: z.infer<typeof SetupInput>): Promise<UserView> {
  const candidate = { ...input, role: 'admin', organisationId: null };
  const parsed = NewUserInput.safeParse(candidate);
  if (!parsed.success) {
    throw validationErrors(
      fieldErrorsOf(parsed.error.issues, candidate).map((e) => (e.path ? e : { ...e, path: 'input' })),
      ERROR_CATALOG['validation-failed'],
    );
  }
  const now = ctx.now();
  const hash = tokenHash(input.token);
  const row = await mutate<UserRow>(
    ctx,
    ANONYMOUS,
    (user) => ({ action: 'setup.admin-created', targetType: 'user', targetId: user.id, detail: { email: user.email } }),
    async (trx) => {
      if ((await countAdmins(trx)) > 0) throw new AppError('setup-complete');
      const stored = await findSetupToken(trx, hash);
      if (!stored || stored.used_at || stored.expires_at < now.toISOString()) throw new AppError('setup-token-invalid');
      const user = await createUserIn(trx, parsed.data, now);
      if (!(await consumeSetupToken(trx, hash, now.toISOString()))) throw new AppError('setup-token-invalid');
      return user;
    },
  );
  return toUserView(row);
}
