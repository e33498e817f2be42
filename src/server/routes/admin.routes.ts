import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { isRole } from '../../core/authorization.js';
import { allUsers, anonymousReadAllowed, createUser, recentAudit, setAnonymousRead } from '../../services/admin.service.js';
import type { ServiceContext } from '../../services/context.js';
import { NewUserInput } from '../../services/users.js';
import { docSchema, parseInput } from '../validate-input.js';

const SettingsInput = z.object({ anonymousRead: z.boolean() }).strict();
const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
});

/** Everything under /api/admin is for administrators only. */
export async function adminRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.addHook('onRequest', async (request) => {
    if (request.actor.kind !== 'user') throw new AppError('unauthenticated');
    if (!isRole(request.actor, 'admin')) throw new AppError('forbidden');
  });

  app.get('/api/admin/users', { schema: { tags: ['admin'], summary: 'All users' } }, async (request) => ({ users: await allUsers(ctx, request.actor) }));

  app.post('/api/admin/users', { schema: { tags: ['admin'], summary: 'Create a user', body: docSchema(NewUserInput) } }, async (request, reply) =>
    reply.status(201).send({ user: await createUser(ctx, request.actor, request.body as z.input<typeof NewUserInput>) }),
  );

  app.get('/api/admin/settings', { schema: { tags: ['admin'], summary: 'Platform settings' } }, async () => ({
    anonymousRead: await anonymousReadAllowed(ctx),
  }));

  app.put('/api/admin/settings', { schema: { tags: ['admin'], summary: 'Change platform settings', body: docSchema(SettingsInput) } }, async (request) => {
    const input = parseInput(SettingsInput, request.body);
    await setAnonymousRead(ctx, request.actor, input.anonymousRead);
    return { anonymousRead: input.anonymousRead };
  });

  app.get('/api/admin/audit', { schema: { tags: ['admin'], summary: 'Recent audit log entries, newest first' } }, async (request) => {
    const q = parseInput(AuditQuery, request.query, 'query');
    return { entries: await recentAudit(ctx, request.actor, q.limit, q.before) };
  });
}
