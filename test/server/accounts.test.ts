import { TOTP } from 'otpauth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/each-database.js';
import { ApiClient } from '../helpers/api-client.js';
import { accountsPlatform, PW, tokenOf } from './accounts.fixture.js';

describeEachDatabase('organisations, users and self-service through the API', (get) => {
  let p: Awaited<ReturnType<typeof accountsPlatform>>;
  const org = { a: '', b: '' };
  let manager: ApiClient;
  let managerB: ApiClient;
  beforeAll(async () => {
    p = await accountsPlatform(get().store);
    org.a = await p.organisation('Acme IoT');
    org.b = await p.organisation('Beta Devices');
    manager = (await p.invite(p.admin, { email: 'mgr@acme.test', role: 'member', organisationId: org.a, orgManager: true })).client;
    managerB = (await p.invite(p.admin, { email: 'mgr@beta.test', role: 'member', organisationId: org.b, orgManager: true })).client;
  });
  afterAll(async () => p.app.close());

  it('renames an organisation and refuses a duplicate name, naming the field', async () => {
    const r = await p.admin.request('PATCH', `/api/organisations/${org.a}`, { name: 'Acme IoT株式会社' });
    expect(r.json()).toMatchObject({ name: 'Acme IoT株式会社', active: true });
    const dup = await p.admin.request('PATCH', `/api/organisations/${org.a}`, { name: 'Beta Devices' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe('name');
    expect((await manager.request('PATCH', `/api/organisations/${org.a}`, { name: 'mine' })).statusCode).toBe(403);
  });

  it('keeps products and versions per organisation; another organisation answers 404', async () => {
    const product = (await p.admin.request('POST', `/api/organisations/${org.a}/products`, { name: 'Smart Lock', model: 'SL-1', description: null })).json();
    const bad = await p.admin.request('POST', `/api/products/${product.id}/versions`, { version: '1.0', releaseDate: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.releaseDate');
    const order = await p.admin.request('POST', `/api/products/${product.id}/versions`, {
      version: '1.0',
      releaseDate: '2026-03-01',
      supportEnd: '2025-01-01',
    });
    expect(order.json().errors[0].path).toBe('body.supportEnd');
    const v = await manager.request('POST', `/api/products/${product.id}/versions`, { version: '1.0', releaseDate: '2026-03-01', supportEnd: '2031-03-01' });
    expect(v.statusCode, v.body).toBe(201);
    expect((await p.admin.request('POST', `/api/products/${product.id}/versions`, { version: '1.0' })).statusCode).toBe(409);
    expect((await manager.request('GET', `/api/products/${product.id}/versions`)).json().versions).toMatchObject([
      { version: '1.0', releaseDate: '2026-03-01', supportEnd: '2031-03-01' },
    ]);
    expect((await managerB.request('GET', `/api/products/${product.id}/versions`)).statusCode).toBe(404);
    expect((await managerB.request('GET', `/api/organisations/${org.a}/products`)).statusCode).toBe(404);
  });

  it('lets an organisation manager invite and deactivate its own members and nobody else', async () => {
    const member = await p.invite(manager, { email: 'dev@acme.test', role: 'member', organisationId: org.a });
    expect((await manager.request('POST', '/api/users/invitations', { email: 'x@acme.test', role: 'assessor', organisationId: null })).statusCode).toBe(403);
    expect((await manager.request('POST', '/api/users/invitations', { email: 'x@beta.test', role: 'member', organisationId: org.b })).statusCode).toBe(403);
    const listed = (await manager.request('GET', '/api/users')).json().users.map((u: { email: string }) => u.email);
    expect(listed.sort()).toEqual(['dev@acme.test', 'mgr@acme.test']);
    expect((await managerB.request('PATCH', `/api/users/${member.id}`, { active: false })).statusCode).toBe(404);
    expect((await manager.request('PATCH', `/api/users/${member.id}`, { role: 'admin' })).statusCode).toBe(403);
    expect((await member.client.session()).user?.id).toBe(member.id);
    const off = await manager.request('PATCH', `/api/users/${member.id}`, { active: false });
    expect(off.json().user.active).toBe(false);
    // Deactivation ends the session at once, and the password no longer works.
    expect((await member.client.session()).user).toBeNull();
    expect((await new ApiClient(p.app).login('dev@acme.test', PW)).statusCode).toBe(401);
  });

  it('lists users by role and organisation for the admin, and changes role and organisation', async () => {
    const assessor = await p.invite(p.admin, { email: 'assessor@example.test', role: 'assessor' });
    const byRole = (await p.admin.request('GET', '/api/users?role=assessor')).json().users;
    expect(byRole.map((u: { email: string }) => u.email)).toEqual(['assessor@example.test']);
    const byOrg = (await p.admin.request('GET', `/api/users?organisationId=${org.b}`)).json().users;
    expect(byOrg.map((u: { email: string }) => u.email)).toEqual(['mgr@beta.test']);
    const wrong = await p.admin.request('PATCH', `/api/users/${assessor.id}`, { role: 'member' });
    expect(wrong.json().errors[0].path).toBe('organisationId');
    const moved = await p.admin.request('PATCH', `/api/users/${assessor.id}`, { role: 'member', organisationId: org.b });
    expect(moved.json().user).toMatchObject({ role: 'member', organisationId: org.b });
    // The change holds for the live session at once.
    expect((await assessor.client.session()).user?.role).toBe('member');
  });

  it('an invitation link works once; a taken email is refused', async () => {
    const r = await p.admin.request('POST', '/api/users/invitations', { email: 'once@example.test', role: 'editor' });
    const token = tokenOf(r.json().link);
    const v = new ApiClient(p.app);
    await v.session();
    expect((await v.request('POST', '/api/invitations/lookup', { token })).json()).toMatchObject({ email: 'once@example.test', role: 'editor' });
    expect((await v.request('POST', '/api/invitations/accept', { token, displayName: 'Once', password: 'short' })).json().errors[0].path).toBe('password');
    expect((await v.request('POST', '/api/invitations/accept', { token, displayName: 'Once', password: PW })).statusCode).toBe(201);
    expect((await v.request('POST', '/api/invitations/accept', { token, displayName: 'Twice', password: PW })).statusCode).toBe(404);
    expect((await p.admin.request('POST', '/api/users/invitations', { email: 'once@example.test', role: 'editor' })).statusCode).toBe(409);
  });

  it('changes the own password with the current one; other sessions end, this one stays', async () => {
    const me = await p.invite(p.admin, { email: 'self@example.test', role: 'editor' });
    const laptop = new ApiClient(p.app);
    expect((await laptop.login('self@example.test', PW)).statusCode).toBe(200);
    const wrong = await me.client.request('PUT', '/api/account/password', { currentPassword: 'nope', newPassword: 'a brand new passphrase 7' });
    expect(wrong.json().errors[0].path).toBe('currentPassword');
    const ok = await me.client.request('PUT', '/api/account/password', { currentPassword: PW, newPassword: 'a brand new passphrase 7' });
    expect(ok.json()).toEqual({ endedSessions: 1 });
    expect((await laptop.session()).user).toBeNull();
    expect(((await me.client.session()).user as { email?: string } | null)?.email).toBe('self@example.test');
    expect((await new ApiClient(p.app).login('self@example.test', 'a brand new passphrase 7')).statusCode).toBe(200);
    const profile = await me.client.request('PATCH', '/api/account/profile', { displayName: 'Self', language: 'en' });
    expect(profile.json().user).toMatchObject({ displayName: 'Self', language: 'en' });
    const sessions = (await me.client.request('GET', '/api/account/sessions')).json().sessions as { id: string; current: boolean }[];
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current);
    expect(other).toBeDefined();
    expect((await me.client.request('DELETE', `/api/account/sessions/${other?.id}`)).statusCode).toBe(204);
    expect((await me.client.request('GET', '/api/account/sessions')).json().sessions).toHaveLength(1);
  });

  it('resets a password by a one-time link: every old session ends, the link works once', async () => {
    const u = await p.invite(p.admin, { email: 'forgot@example.test', role: 'assessor' });
    const r = await p.admin.request('POST', `/api/users/${u.id}/reset-link`);
    const token = tokenOf(r.json().link);
    const v = new ApiClient(p.app);
    await v.session();
    expect((await v.request('POST', '/api/password-reset', { token, password: 'the recovered passphrase 9' })).statusCode).toBe(204);
    expect((await u.client.session()).user).toBeNull();
    expect((await v.request('POST', '/api/password-reset', { token, password: 'yet another passphrase 10' })).statusCode).toBe(404);
    expect((await new ApiClient(p.app).login('forgot@example.test', 'the recovered passphrase 9')).statusCode).toBe(200);
  });

  it('enrols TOTP; login then needs the code; a recovery code works once', async () => {
    const u = await p.invite(p.admin, { email: 'totp@example.test', role: 'editor' });
    const start = await u.client.request('POST', '/api/account/totp');
    const { secret, uri } = start.json() as { secret: string; uri: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    const totp = new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 });
    expect((await u.client.request('POST', '/api/account/totp/confirm', { code: '000000' === totp.generate() ? '111111' : '000000' })).statusCode).toBe(400);
    const confirmed = await u.client.request('POST', '/api/account/totp/confirm', { code: totp.generate() });
    const codes = confirmed.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);

    const c = new ApiClient(p.app);
    const first = await c.login('totp@example.test', PW);
    expect(first.json()).toEqual({ secondFactor: expect.any(String) });
    expect((await c.session()).user).toBeNull();
    const pending = first.json().secondFactor as string;
    expect((await c.request('POST', '/api/auth/second-factor', { token: pending, code: totp.generate() === '123456' ? '654321' : '123456' })).statusCode).toBe(
      401,
    );
    const ok = await c.request('POST', '/api/auth/second-factor', { token: pending, code: totp.generate() });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(((await c.session()).user as { email?: string } | null)?.email).toBe('totp@example.test');
    // The pending token is spent.
    expect((await c.request('POST', '/api/auth/second-factor', { token: pending, code: totp.generate() })).statusCode).toBe(404);

    const recover = async () => {
      const d = new ApiClient(p.app);
      const t = (await d.login('totp@example.test', PW)).json().secondFactor as string;
      await d.session();
      return d.request('POST', '/api/auth/second-factor', { token: t, recoveryCode: codes[0] });
    };
    expect((await recover()).statusCode).toBe(200);
    expect((await recover()).statusCode).toBe(401);
    expect((await u.client.request('GET', '/api/account/totp')).json()).toEqual({ enabled: true, recoveryCodesLeft: 9 });

    const audit = JSON.stringify((await p.admin.request('GET', '/api/admin/audit?limit=500')).json());
    for (const secretText of [secret, pending, codes[0], codes[1]]) expect(audit).not.toContain(secretText);
  });

  it('an admin requires a second factor per role: until enrolled, only enrolment answers', async () => {
    const u = await p.invite(p.admin, { email: 'needs2fa@example.test', role: 'assessor' });
    const set = await p.admin.request('PUT', '/api/admin/settings', { totpRequiredRoles: ['assessor'] });
    expect(set.json()).toMatchObject({ totpRequiredRoles: ['assessor'], policy: { passwordMinLength: 12 } });
    expect((await u.client.request('GET', '/api/organisations')).json().code).toBe('second-factor-required');
    expect((await u.client.session()) as unknown).toMatchObject({ totpSetupRequired: true });
    expect((await u.client.request('POST', '/api/account/totp')).statusCode).toBe(200);
    await p.admin.request('PUT', '/api/admin/settings', { totpRequiredRoles: [] });
    expect((await u.client.request('GET', '/api/organisations')).statusCode).toBe(200);
  });

  it('deactivating an organisation disables its members and ends their sessions', async () => {
    const member = await p.invite(managerB, { email: 'dev@beta.test', role: 'member', organisationId: org.b });
    expect((await p.admin.request('PATCH', `/api/organisations/${org.b}`, { active: false })).json().active).toBe(false);
    expect((await member.client.session()).user).toBeNull();
    expect((await managerB.session()).user).toBeNull();
    expect((await p.admin.request('POST', '/api/users/invitations', { email: 'late@beta.test', role: 'member', organisationId: org.b })).statusCode).toBe(400);
  });

  it('filters and pages the audit log, and verifies the chain like the CLI', async () => {
    const users = (await p.admin.request('GET', '/api/admin/audit?action=user.&limit=3')).json().entries as { seq: number; action: string }[];
    expect(users).toHaveLength(3);
    expect(users.every((e) => e.action.startsWith('user.'))).toBe(true);
    const older = (await p.admin.request('GET', `/api/admin/audit?action=user.&limit=3&before=${users[2]?.seq}`)).json().entries as { seq: number }[];
    expect(older.every((e) => e.seq < (users[2]?.seq ?? 0))).toBe(true);
    const future = await p.admin.request('GET', '/api/admin/audit?from=2999-01-01');
    expect(future.json().entries).toEqual([]);
    expect((await p.admin.request('GET', '/api/admin/audit?from=yesterday')).json().errors[0].path).toBe('query.from');
    const verdict = await p.admin.request('POST', '/api/admin/audit/verify');
    expect(verdict.json()).toMatchObject({ ok: true });
    expect((await manager.request('POST', '/api/admin/audit/verify')).statusCode).toBe(403);
  });
});
