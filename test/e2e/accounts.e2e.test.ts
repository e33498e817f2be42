import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type Platform } from './flows.js';
import { closeJourney, startPlatform } from './journey.js';
import { AdminPages } from './pages/admin.page.js';
import { NewAssessmentPage } from './pages/assessment-new.page.js';

/**
 * From a fresh instance, in the browser alone: the setup link makes the
 * admin, who creates an organisation, a product with a version, an assessor
 * and an organisation manager by invitation links; the manager invites a
 * member; the assessor creates an assessment of that product; the member
 * reads it; another organisation's manager sees none of it.
 */

const ORG = '株式会社エー電機';
const OTHER = 'ビー工業合同会社';
const PRODUCT = 'スマート照明ハブ';
const TITLE = 'ハブ v1.0 出荷前診断';

describe('administration from the first admin to the last member', () => {
  let browser: Browser | null = null;
  let platform: Platform | null = null;
  const pages = {} as Record<'assessor' | 'manager' | 'member' | 'otherManager', Page>;

  beforeAll(async () => {
    ({ browser, platform } = await startPlatform({ email: 'admin@example.jp', displayName: '管理者' }));
  });
  afterAll(() => closeJourney(platform, browser));

  it('the admin sets up organisations, a product with a version, and invites by links', async (ctx) => {
    if (!platform) return ctx.skip();
    const admin = new AdminPages(platform.admin, platform.server.url);
    await admin.createOrganisation(ORG);
    await admin.createOrganisation(OTHER);
    await admin.openProducts(ORG);
    await admin.addProduct({ name: PRODUCT, model: 'HUB-1' });
    await admin.addVersion(PRODUCT, { version: '1.0.0', releaseDate: '2026-04-01', supportEnd: '2031-03-31' });

    const invitations = {
      assessor: await admin.invite({ email: 'assessor@example.jp', role: 'assessor' }),
      manager: await admin.invite({ email: 'manager@example.jp', role: 'member', organisation: ORG, orgManager: true }),
      otherManager: await admin.invite({ email: 'other@example.jp', role: 'member', organisation: OTHER, orgManager: true }),
    };
    for (const [who, link] of Object.entries(invitations)) {
      expect(new URL(link).pathname).toBe('/invite');
      expect(new URL(link).hash).toMatch(/^#token=/);
      const page = await platform.newPage();
      await new AdminPages(page, platform.server.url).acceptInvitation(
        link,
        who,
        PASSWORD,
        `${who === 'assessor' ? 'assessor' : who === 'manager' ? 'manager' : 'other'}@example.jp`,
      );
      pages[who as keyof typeof pages] = page;
    }
  });

  it('the organisation manager invites a member of their own organisation', async (ctx) => {
    if (!platform) return ctx.skip();
    const link = await new AdminPages(pages.manager, platform.server.url).invite({ email: 'member@example.jp' });
    pages.member = await platform.newPage();
    await new AdminPages(pages.member, platform.server.url).acceptInvitation(link, '会員 太郎', PASSWORD, 'member@example.jp');
    const users = await platform.call(pages.manager, 'GET', '/api/users');
    expect((users.body as { users: { email: string }[] }).users.map((u) => u.email).sort()).toEqual(['manager@example.jp', 'member@example.jp']);
  });

  it('the assessor creates an assessment for the product from the UI; the member reads it; the other organisation sees nothing', async (ctx) => {
    if (!platform) return ctx.skip();
    await pages.assessor.goto(platform.url('/assessments/new'));
    const path = await new NewAssessmentPage(pages.assessor).create({
      organisation: ORG,
      product: `${PRODUCT} (HUB-1)`,
      title: TITLE,
      productVersion: '1.0.0',
    });

    await pages.member.goto(platform.url('/assessments'));
    await pages.member.getByRole('main').getByRole('link', { name: TITLE }).waitFor();
    await pages.member.goto(platform.url(path));
    await pages.member.getByRole('main').getByText(TITLE).first().waitFor();

    await pages.otherManager.goto(platform.url('/assessments'));
    expect(await pages.otherManager.getByRole('main').getByText(TITLE).count()).toBe(0);
    expect((await platform.call(pages.otherManager, 'GET', `/api${path}`)).status).toBe(404);
    const orgs = await platform.call(pages.otherManager, 'GET', '/api/organisations');
    expect((orgs.body as { organisations: { name: string }[] }).organisations.map((o) => o.name)).toEqual([OTHER]);
    expect(platform.problems).toEqual([]);
  });
});
