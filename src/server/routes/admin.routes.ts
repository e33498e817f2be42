import { MAX_ROW_VERSION } from '../../services/input-rules.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { coded } from '../../core/zod-field-errors.js';
import { AppError } from '../../core/errors.js';
import { isRole } from '../../core/authorization.js';
import { ROLES } from '../../core/taxonomy.js';
import { allUsers, anonymousReadAllowed, createUser, recentAudit, setAnonymousRead, verifyAuditChain } from '../../services/admin.service.js';
import { MIN_PASSWORD_LENGTH } from '../../services/passwords.js';
import { setTotpRequiredRoles, totpRequiredRoles } from '../../services/totp.service.js';
import type { ServiceContext } from '../../services/context.js';
import { NewUserInput } from '../../services/users.js';
import { docSchema, parseInput } from '../validate-input.js';
import { requireSignedIn } from '../route-params.js';

const SettingsInput = z.object({ anonymousRead: z.boolean().optional(), totpRequiredRoles: z.array(z.enum(ROLES)).max(ROLES.length).optional() }).strict();
const isoTime = z
  .string()
  .max(40)
  .refine((v) => !Number.isNaN(Date.parse(v)), coded('must be a date or time (ISO 8601)', 'bad-format'))
  .transform((v) => new Date(v).toISOString());
const AuditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    before: z.coerce.number().int().min(1).max(MAX_ROW_VERSION).optional(),
    actor: z.string().max(100).optional(),
    targetType: z.string().max(100).optional(),
    targetId: z.string().max(200).optional(),
    action: z.string().max(100).optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
  })
  .strict();

/** Everything under /api/admin is for administrators only. */
export async function adminRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.addHook('onRequest', async (request) => {
    await requireSignedIn(request);
    if (!isRole(request.actor, 'admin')) throw new AppError('forbidden');
  });

  app.get('/api/admin/users', { schema: { tags: ['admin'], summary: 'All users' } }, async (request) => ({ users: await allUsers(ctx, request.actor) }));

  app.post('/api/admin/users', { schema: { tags: ['admin'], summary: 'Create a user', body: docSchema(NewUserInput) } }, async (request, reply) =>
    reply.status(201).send({ user: await createUser(ctx, request.actor, request.body as z.input<typeof NewUserInput>) }),
  );

  const settings = async () => ({
    anonymousRead: await anonymousReadAllowed(ctx),
    totpRequiredRoles: await totpRequiredRoles(ctx),
    // Shown, not edited here: they come from the environment.
    policy: {
      passwordMinLength: MIN_PASSWORD_LENGTH,
      loginMaxAttempts: ctx.config.loginMaxAttempts,
      lockoutMinutes: ctx.config.lockoutMinutes,
      sessionIdleMinutes: ctx.config.sessionIdleMinutes,
      sessionMaxHours: ctx.config.sessionMaxHours,
      mailConfigured: ctx.config.mail !== undefined,
      singleSignOn: ctx.config.oidc !== undefined,
    },
  });
  app.get('/api/admin/settings', { schema: { tags: ['admin'], summary: 'Platform settings and the policies in force' } }, settings);

  app.put('/api/admin/settings', { schema: { tags: ['admin'], summary: 'Change platform settings', body: docSchema(SettingsInput) } }, async (request) => {
    const input = parseInput(SettingsInput, request.body);
    if (input.anonymousRead !== undefined) await setAnonymousRead(ctx, request.actor, input.anonymousRead);
    if (input.totpRequiredRoles !== undefined) await setTotpRequiredRoles(ctx, request.actor, input.totpRequiredRoles);
    return settings();
  });

  app.get('/api/admin/audit', { schema: { tags: ['admin'], summary: 'Audit log entries, newest first, filtered; page with before=SEQ' } }, async (request) => {
    const q = parseInput(AuditQuery, request.query, 'query');
    const filter = { actorId: q.actor, targetType: q.targetType, targetId: q.targetId, action: q.action, from: q.from, to: q.to };
    return { entries: await recentAudit(ctx, request.actor, q.limit, q.before, filter) };
  });

  app.post('/api/admin/audit/verify', { schema: { tags: ['admin'], summary: 'Verify the hash chain (as bin/tebiki audit verify)' } }, async (request) =>
    verifyAuditChain(ctx, request.actor),
  );
}
