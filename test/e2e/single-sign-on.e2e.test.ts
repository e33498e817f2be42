import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { freePort } from '../helpers/nginx-proxy.js';
import { Platform } from './flows.js';
import { closeJourney } from './journey.js';

/**
 * Single sign-on against a real OpenID provider (the oidc-provider library)
 * started on loopback: an invited email gets its account on first login, a
 * known user logs in, an unknown email is refused and nothing is created.
 * The server and its first admin come from the shared set-up (flows.ts),
 * with a fixed port so that the provider knows the callback address.
 */
const ADMIN = { email: 'root@example.test', displayName: 'Root' };

describe('single sign-on with OpenID Connect', () => {
  let browser: Browser | null = null;
  let platform: Platform;
  let providerServer: Server;

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
    platform = await Platform.open(browser, {
      config: {
        port: appPort,
        publicUrl: appUrl,
        oidc: { issuer, clientId: 'tebiki', clientSecret: 'a-test-only-client-secret', emailClaim: 'email' },
      },
    });
    await platform.setUpAdmin(ADMIN);
  });

  afterAll(async () => {
    await closeJourney(platform, browser);
    providerServer?.close();
  });

  /** Clicks the login page's single sign-on button and signs in at the provider as `email`. */
  async function signInAs(email: string) {
    const page = await platform.newPage();
    await page.goto(platform.url('/login'));
    await page.getByRole('link', { name: 'シングルサインオンでログイン' }).click();
    await page.locator('input[name="login"]').fill(email);
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    // The provider asks for consent once per client and account: on its own page, once the login form has gone.
    await page.locator('input[name="login"]').waitFor({ state: 'detached' });
    await page.locator('button[type="submit"]').click();
    return page;
  }

  async function userEmails(): Promise<string[]> {
    return (await platform.adminApi<{ users: { email: string }[] }>('GET', '/api/users')).users.map((u) => u.email);
  }

  it('an invited email gets its account on its first single sign-on and is logged in', async (ctx) => {
    if (!browser) return ctx.skip('no browser');
    await platform.adminApi('POST', '/api/users/invitations', { email: 'invitee@example.test', role: 'assessor', organisationId: null });
    const page = await signInAs('invitee@example.test');
    await page.waitForURL(platform.url('/'));
    const me = await page.evaluate(async () => (await (await fetch('/api/session')).json()) as { user: { email: string; role: string } | null });
    expect(me.user).toMatchObject({ email: 'invitee@example.test', role: 'assessor' });
    expect(await userEmails()).toContain('invitee@example.test');
  });

  it('a known user logs in through the provider', async (ctx) => {
    if (!browser) return ctx.skip('no browser');
    const page = await signInAs(ADMIN.email);
    await page.waitForURL(platform.url('/'));
    const me = await page.evaluate(async () => (await (await fetch('/api/session')).json()) as { user: { email: string } | null });
    expect(me.user?.email).toBe(ADMIN.email);
  });

  it('an unknown email is refused with a message and no account is created', async (ctx) => {
    if (!browser) return ctx.skip('no browser');
    const page = await signInAs('stranger@example.test');
    await page.waitForURL(/\/login\?sso=failed$/);
    await expect(page.getByText('シングルサインオンでログインできませんでした').waitFor()).resolves.toBeUndefined();
    expect(await userEmails()).not.toContain('stranger@example.test');
    const audit = await platform.adminApi('GET', '/api/admin/audit?action=auth.sso-refused');
    expect(JSON.stringify(audit)).toContain('auth.sso-refused');
  });
});
