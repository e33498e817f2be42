import { afterAll, beforeAll, expect, it } from 'vitest';
import { importBundledEdition } from '../../src/services/editions.service.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { mailText, startSmtpSink } from '../helpers/smtp-sink.js';
import { accountsPlatform } from './accounts.fixture.js';

/** Notifications: the in-app inbox, and mail through a real SMTP server on loopback. */
describeEachDatabase('notifications by inbox and mail', (get) => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let p: Awaited<ReturnType<typeof accountsPlatform>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    p = await accountsPlatform(get().store, { mail: { smtpUrl: smtp.url, from: 'tebiki@example.test' } });
    await importBundledEdition(p.ctx);
  });
  afterAll(async () => {
    await p.app.close();
    await smtp.close();
  });

  it('mails an invitation with its one-time link', async () => {
    const r = await p.admin.request('POST', '/api/users/invitations', { email: 'invitee@example.test', role: 'editor' });
    const { link, mailed } = r.json() as { link: string; mailed: boolean };
    expect(mailed).toBe(true);
    const mail = await smtp.next((m) => m.to.includes('invitee@example.test'));
    expect(mailText(mail)).toContain(link);
  });

  it('tells the submitter in the inbox and by mail when their proposal is decided; each chooses mail per kind', async () => {
    const org = await p.organisation('Mail Org');
    const member = await p.invite(p.admin, { email: 'member@mail.test', role: 'member', organisationId: org }, 'Member');
    const submit = await member.client.request('POST', '/api/proposals', {
      title: 'BLE pairing',
      text: 'Just Works pairing lets a nearby attacker in.',
      layers: ['device'],
      phases: ['design.software'],
    });
    expect(submit.statusCode, submit.body).toBe(201);
    const id = submit.json().proposal.id as string;
    expect((await member.client.request('GET', '/api/notifications/unread')).json()).toEqual({ unread: 0 });
    const decided = await p.admin.request('POST', `/api/proposals/${id}/reject`, { reason: 'out of scope' });
    expect(decided.statusCode, decided.body).toBe(200);
    const mail = await smtp.next((m) => m.to.includes('member@mail.test') && mailText(m).includes(`/proposals/${id}`));
    expect(mailText(mail)).toContain('理由: out of scope');
    const box = (await member.client.request('GET', '/api/notifications')).json();
    expect(box.unread).toBe(1);
    expect(box.notifications[0]).toMatchObject({ kind: 'proposal-decided', read: false, link: `/proposals/${id}` });
    expect((await member.client.request('POST', '/api/notifications/read', { ids: 'all' })).statusCode).toBe(204);
    expect((await member.client.request('GET', '/api/notifications/unread')).json()).toEqual({ unread: 0 });

    // Mail off for this kind: the next decision reaches the inbox only.
    const pref = await member.client.request('PUT', '/api/notifications/preferences', { kind: 'proposal-decided', email: false });
    expect(pref.json().mail['proposal-decided']).toBe(false);
    const second = (
      await member.client.request('POST', '/api/proposals', { title: 'Second', text: 'Another concern.', layers: ['device'], phases: ['operation'] })
    ).json();
    const before = smtp.received.length;
    await p.admin.request('POST', `/api/proposals/${second.proposal.id}/reject`, { reason: 'duplicate' });
    expect((await member.client.request('GET', '/api/notifications/unread')).json()).toEqual({ unread: 1 });
    const row = await get()
      .store.db.selectFrom('notifications')
      .select('mail_state')
      .where('link', '=', `/proposals/${second.proposal.id}`)
      .executeTakeFirstOrThrow();
    expect(row.mail_state).toBe('none');
    expect(smtp.received.slice(before).some((m) => mailText(m).includes(second.proposal.id))).toBe(false);
  });
});
