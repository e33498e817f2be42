import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_REASONS } from '../../src/core/password-reasons.js';
import { insertAttachments, storeBlob } from '../../src/store/attachments.repository.js';
import { ApiClient } from '../helpers/api-client.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { type AssessmentJson, useAssessmentWorld } from './assessments.fixture.js';

/**
 * The five findings of the outside attack pass (issue 10), each replayed
 * against the API. Other clients are other loopback addresses (127.0.0.x).
 */
const ADMIN = { email: 'admin@example.test', password: 'correct horse battery staple' };
const PNG_HTML = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('<html><script>alert(1)</script></html>')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image body')]);
const PCAP = Buffer.concat([Buffer.from([0xd4, 0xc3, 0xb2, 0xa1]), Buffer.alloc(20)]);

describeEachDatabase('attack pass findings', (get) => {
  const w = useAssessmentWorld(get);

  const loginFrom = async (c: ApiClient, email: string, password: string) => {
    await c.session();
    return c.request('POST', '/api/auth/login', { email, password });
  };
  const auditActions = async (action: string) =>
    (await get().store.db.selectFrom('audit_log').select(['detail']).where('action', '=', action).execute()).map((r) => JSON.parse(r.detail));

  describe('1. failed logins cannot lock an account for its owner', () => {
    it('blocks the failing client on that account, while the owner logs in from elsewhere', async () => {
      const attacker = new ApiClient(w.app, '127.0.0.66');
      for (let i = 0; i < 5; i++) expect((await loginFrom(attacker, ADMIN.email, 'x')).statusCode).toBe(401);
      const refused = await loginFrom(attacker, ADMIN.email, ADMIN.password);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().code).toBe('login-blocked');
      const owner = new ApiClient(w.app);
      expect((await loginFrom(owner, ADMIN.email, ADMIN.password)).statusCode).toBe(200);
      expect(await auditActions('auth.login-refused-blocked')).toContainEqual(expect.objectContaining({ ip: '127.0.0.66', blocked: 'pair' }));
    });

    it('blocks a client that sprays passwords across accounts, and only that client', async () => {
      const sprayer = new ApiClient(w.app, '127.0.0.67');
      for (let i = 0; i < 20; i++) expect((await loginFrom(sprayer, `user${i}@example.test`, 'Spring2026!')).statusCode).toBe(401);
      const refused = await loginFrom(sprayer, 'a1@example.test', 'another long passphrase 42');
      expect(refused.json().code).toBe('login-blocked');
      expect((await loginFrom(new ApiClient(w.app, '127.0.0.68'), 'a1@example.test', 'another long passphrase 42')).statusCode).toBe(200);
    });

    it('reports distributed guessing on one account to the audit log, and the right password still logs in', async () => {
      for (let i = 0; i < 20; i++) {
        expect((await loginFrom(new ApiClient(w.app, `127.0.1.${i + 1}`), 'b1@example.test', `guess number ${i}`)).statusCode).toBe(401);
      }
      expect(await auditActions('security.login-guessing')).toEqual([expect.objectContaining({ email: 'b1@example.test', failures: 20, clients: 20 })]);
      expect((await loginFrom(new ApiClient(w.app), 'b1@example.test', 'another long passphrase 42')).statusCode).toBe(200);
    });
  });

  describe('2. malformed security headers answer 4xx problems, never 500', () => {
    const garbage = ['::::', '[', 'http://[::1', 'http://', '%', '\\\\', 'null null', 'javascript:alert(1)', '//evil', 'http://a:99999', 'x'.repeat(4000)];
    const headers = ['origin', 'referer', 'sec-fetch-site', 'x-csrf-token', 'cookie', 'content-type', 'host', 'x-forwarded-for', 'accept-language'];

    it('Origin: :::: on a state-changing request is refused as cross-origin (403)', async () => {
      const r = await w.client('a1').request('POST', '/api/auth/logout', undefined, { headers: { origin: '::::' } });
      expect(r.statusCode).toBe(403);
      expect(r.json()).toMatchObject({ code: 'csrf-failed' });
    });

    it('every security-relevant header filled with garbage gets a 4xx or a normal answer', async () => {
      const failures: string[] = [];
      for (const header of headers) {
        for (const value of garbage) {
          for (const [method, url] of [
            ['POST', '/api/auth/login'],
            ['PATCH', '/api/assessments/none'],
            ['GET', '/api/assessments'],
          ] as const) {
            const body = method === 'GET' ? undefined : { email: 'x@example.test', password: 'y' };
            const r = await w.client('as1').request(method, url, body, { headers: { [header]: value } });
            if (r.statusCode >= 500) failures.push(`${method} ${url} ${header}: ${value.slice(0, 20)} → ${r.statusCode}`);
            else if (r.statusCode >= 400) expect(r.headers['content-type'], `${header}: ${value}`).toContain('application/problem+json');
          }
        }
      }
      expect(failures).toEqual([]);
    });
  });

  describe('3. weak passwords are refused with the reason', () => {
    const create = (password: string, overrides: Record<string, string> = {}) =>
      w.client('admin').request('POST', '/api/admin/users', {
        email: `weak-${randomUUID().slice(0, 8)}@example.test`,
        displayName: 'Hanako Suzuki',
        password,
        role: 'editor',
        organisationId: null,
        ...overrides,
      });

    it('refuses common and breached passwords and their variants', async () => {
      for (const password of ['password1234567', 'qwertyuiop12345', 'Password123456!', 'iloveyou12345678']) {
        const r = await create(password);
        expect(r.statusCode, password).toBe(400);
        expect(r.json().errors[0], password).toMatchObject({ path: 'password', code: 'password-common', message: PASSWORD_REASONS['password-common'].en });
      }
    });

    it("refuses the user's own email and name inside the password", async () => {
      const byEmail = await create('hanako.s-very-secret-99', { email: 'hanako.s@example.test' });
      expect(byEmail.json().errors[0]).toMatchObject({ path: 'password', code: 'password-contains-email' });
      const byName = await create('Suzuki-Orchard-Window-7');
      expect(byName.json().errors[0]).toMatchObject({ path: 'password', code: 'password-contains-name' });
      const japanese = await create('鈴木の秘密のパスワード二〇二六', { displayName: '鈴木 花子' });
      expect(japanese.json().errors[0]).toMatchObject({ code: 'password-contains-name' });
    });

    it('accepts a long passphrase, and every reason has its ja and en text', async () => {
      expect((await create('Quiet-Harbour-Lantern-2026')).statusCode).toBe(201);
      for (const text of Object.values(PASSWORD_REASONS)) {
        expect(text.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
        expect(text.en).toMatch(/^The password/);
      }
    });
  });

  describe('4. sensitive answers are never cached', () => {
    let a: AssessmentJson;
    beforeAll(async () => {
      a = await w.create({ title: 'キャッシュ' });
    });

    it('sends Cache-Control: no-store on the assessment, its results, reports, workbook and other authenticated JSON', async () => {
      const urls = [
        `/api/assessments/${a.id}`,
        '/api/assessments',
        `/api/assessments/${a.id}/results`,
        `/api/assessments/${a.id}/workbook?lang=ja`,
        ...['html', 'json', 'xlsx', 'oscal'].map((f) => `/api/assessments/${a.id}/report?format=${f}`),
        '/api/admin/users',
        '/api/organisations',
        '/api/assessments/no-such-id',
      ];
      for (const url of urls) {
        const r = await w.client(url.startsWith('/api/admin') || url === '/api/organisations' ? 'admin' : 'as1').request('GET', url);
        expect(r.statusCode, `${url}: ${r.body.slice(0, 200)}`).toBeLessThan(url.endsWith('no-such-id') ? 500 : 300);
        expect(r.headers['cache-control'], url).toBe('no-store');
      }
    });
  });

  describe('5. an attachment cannot keep an extension its content does not have', () => {
    let a: AssessmentJson;
    const upload = (body: Buffer, type: string, filename: string) =>
      w.client('as1').request('POST', `/api/assessments/${a.id}/answers/${a.items[0]?.requirementId}/attachments`, body, {
        headers: { 'content-type': type, 'x-filename': encodeURIComponent(filename) },
      });
    beforeAll(async () => {
      a = await w.create({ title: '添付' });
    });

    it('refuses a PNG/HTML polyglot named .html at upload, naming the file name', async () => {
      const r = await upload(PNG_HTML, 'image/png', 'poly.html');
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0]).toMatchObject({ path: 'headers.x-filename' });
      expect(r.json().errors[0].message).toContain('".html" but the content is image/png');
      expect((await upload(PNG, 'image/png', 'evidence.jpg')).statusCode).toBe(400);
    });

    it('offers a download under the extension of the detected type, keeping the name for display', async () => {
      const r = await upload(PCAP, 'application/vnd.tcpdump.pcap', 'capture.dump');
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({ filename: 'capture.dump', downloadName: 'capture.dump.pcap' });
      const d = await w.client('a1').request('GET', `/api/assessments/${a.id}/attachments/${r.json().id}`);
      expect(d.headers['content-disposition']).toBe(`attachment; filename="capture.dump.pcap"; filename*=UTF-8''capture.dump.pcap`);
    });

    it('serves a file stored before the fix under a misleading name with its content type extension', async () => {
      const id = randomUUID();
      const sha256 = 'f'.repeat(64);
      const db = get().store.db;
      await storeBlob(db, sha256, PNG_HTML);
      await insertAttachments(db, [
        {
          id,
          assessment_id: a.id,
          requirement_id: a.items[0]?.requirementId ?? '',
          sha256,
          filename: 'poly.html',
          media_type: 'image/png',
          size: PNG_HTML.length,
          uploaded_by: null,
          created_at: new Date().toISOString(),
        },
      ]);
      const d = await w.client('a1').request('GET', `/api/assessments/${a.id}/attachments/${id}`);
      expect(d.headers['content-type']).toBe('image/png');
      expect(d.headers['content-disposition']).toContain('filename="poly.html.png"');
    });
  });
});
