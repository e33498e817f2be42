import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from '../../src/server/start-platform.js';
import { projectRoot } from '../../src/content/content-dir.js';
import { launchBrowser } from '../helpers/browser.js';
import { HttpSession } from '../helpers/http-session.js';
import { freePort } from '../helpers/nginx-proxy.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testConfig } from '../helpers/test-config.js';
import { join } from 'node:path';
import { personPage } from './flows.js';

/**
 * Single sign-on against a real OpenID provider (the oidc-provider library)
 * started on loopback: an invited email gets its account on first login, a
 * known user logs in, an unknown email is refused and nothing is created.
 */
const ADMIN = { email: 'root@example.test', displayName: 'Root', password: 'Correct-Horse-Battery-Staple-42' };

describe('single sign-on with OpenID Connect', () => {
  let browser: Browser | null = null;
  let platform: Platform;
  let providerServer: Server;
  let admin: HttpSession;
  const dir = tempDir();

  beforeAll(async () => {
    browser = await launchBrowser();
    if (!browser) return;
    const [appPort, idpPort] = [await freePort(), await freePort()];
    const appUrl = `http://127.0.0.1:${appPort}`;
    const issuer = `http://127.0.0.1:${idpPort}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'tebiki',
          client_secret: 'a-test-only-client-secret',
          redirect_uris: [`${appUrl}/api/auth/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      // The provider's own dev login form: the account id typed there is the email.
      findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, email: id, email_verified: true }) }),
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      cookies: { keys: ['a-test-only-cookie-key'] },
      pkce: { required: () => true },
    });
    providerServer = provider.listen(idpPort, '127.0.0.1');
    platform = await startPlatform(
      testConfig({
        port: appPort,
        publicUrl: appUrl,
        dataDir: dir.path,
        oidc: { issuer, clientId: 'tebiki', clientSecret: 'a-test-only-client-secret', emailClaim: 'email' },
      }),
      { webDir: join(projectRoot(), 'dist', 'web'), print: () => undefined },
    );
    admin = new HttpSession(appUrl);
    await admin.refreshCsrf();
    const token = new URL(platform.setupUrl as string).hash.replace('#token=', '');
    expect((await admin.request('POST', '/api/setup', { ...ADMIN, token })).status).toBe(201);
    expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
  });

  afterAll(async () => {
    await platform?.close();
    await browser?.close();
    providerServer?.close();
    dir.remove();
  });

  /** Clicks the login page's single sign-on button and signs in at the provider as `email`. */
  async function signInAs(email: string) {
    if (!browser) throw new Error('no browser');
    const { page, context } = await personPage(browser);
    await page.goto(`${platform.url}/login`);
    await page.getByRole('link', { name: 'シングルサインオンでログイン' }).click();
    await page.locator('input[name="login"]').fill(email);
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    // The provider asks for consent once per client and account: on its own page, once the login form has gone.
    await page.locator('input[name="login"]').waitFor({ state: 'detached' });
    await page.locator('button[type="submit"]').click();
    return { page, context };
  }

  async function userEmails(): Promise<string[]> {
    const res = await admin.request('GET', '/api/users');
    return (res.body as { users: { email: string }[] }).users.map((u) => u.email);
  }

  it('an invited email gets its account on its first single sign-on and is logged in', async (ctx) => {
    if (!browser) return ctx.skip('no browser');
    const invited = await admin.request('POST', '/api/users/invitations', { email: 'invitee@example.test', role: 'assessor', organisationId: null });
    expect(invited.status, JSON.stringify(invited.body)).toBeLessThan(300);
    const { page, context } = await signInAs('invitee@example.test');
    await page.waitForURL(`${platform.url}/`);
    const me = await page.evaluate(async () => (await (await fetch('/api/session')).json()) as { user: { email: string; role: string } | null });
    expect(me.user).toMatchObject({ email: 'invitee@example.test', role: 'assessor' });
    expect(await userEmails()).toContain('invitee@example.test');
    await context.close();
  });

  it('a known user logs in through the provider', async (ctx) => {
    if (!browser) return ctx.skip('no browser');
    const { page, context } = await signInAs(ADMIN.email);
    await page.waitForURL(`${platform.url}/`);
    const me = await page.evaluate(async () => (await (await fetch('/api/session')).json()) as { user: { email: string } | null });
    expect(me.user?.email).toBe(ADMIN.email);
    await context.close();
  });

  it('an unknown email is refused with a message and no account is created', async (ctx) => {
    if (!browser) return ctx.skip('no browser');
    const { page, context } = await signInAs('stranger@example.test');
    await page.waitForURL(/\/login\?sso=failed$/);
    await expect(page.getByText('シングルサインオンでログインできませんでした').waitFor()).resolves.toBeUndefined();
    expect(await userEmails()).not.toContain('stranger@example.test');
    const audit = await admin.request('GET', '/api/admin/audit?action=auth.sso-refused');
    expect(JSON.stringify(audit.body)).toContain('auth.sso-refused');
    await context.close();
  });
});
