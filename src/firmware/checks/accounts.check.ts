/**
 * fw.accounts: /etc/passwd and /etc/shadow. Empty passwords, extra uid 0
 * accounts, login shells on service accounts, weak hash types (DES, MD5-crypt),
 * and hashes matching the declared defaults or a short list of common
 * passwords (tried one by one, never an open-ended crack). No hash is ever
 * copied into the evidence.
 */
import type { Finding } from '../../core/evidence/finding.types.js';
import { readImageText } from '../firmware-image.js';
import { type CheckContext, finding, mask } from './check-context.js';
import { cryptMatches, hashScheme } from './crypt.js';

export const COMMON_PASSWORDS = [
  'admin',
  'root',
  'password',
  '1234',
  '12345',
  '123456',
  '12345678',
  'default',
  'toor',
  'pass',
  'guest',
  'user',
  'support',
  'changeme',
  'admin123',
  'system',
];
const NO_LOGIN = /(^|\/)(nologin|false|sync|shutdown|halt)$/;

interface Account {
  name: string;
  uid: number;
  shell: string;
  field: string;
}

export interface AccountIssue {
  account: string;
  problem: 'empty-password' | 'extra-uid0' | 'service-login-shell' | 'weak-hash' | 'default-password' | 'common-password';
  detail?: string;
}

export function accountsCheck(ctx: CheckContext): Finding[] {
  const passwd = readImageText(ctx.image, '/etc/passwd');
  if (passwd === null) {
    return [finding('fw.accounts', '/etc/passwd', 'not-applicable', { ja: '/etc/passwd がありません', en: 'No /etc/passwd in the image' }, {}, ctx.at)];
  }
  const shadow = readImageText(ctx.image, '/etc/shadow');
  const accounts = parseAccounts(passwd, shadow);
  const issues = accounts.flatMap((a) => accountIssues(a, ctx));
  const target = shadow === null ? '/etc/passwd' : '/etc/shadow';
  const evidence = { accounts: accounts.length, shadow: shadow !== null, issues };
  if (issues.length === 0) {
    return [
      finding(
        'fw.accounts',
        target,
        'pass',
        { ja: `${accounts.length} アカウントに問題はありません`, en: `${accounts.length} accounts, no problem found` },
        evidence,
        ctx.at,
      ),
    ];
  }
  const names = [...new Set(issues.map((i) => i.account))].join(', ');
  return [
    finding(
      'fw.accounts',
      target,
      'fail',
      { ja: `アカウントの問題 ${issues.length} 件（${names}）`, en: `${issues.length} account problems (${names})` },
      evidence,
      ctx.at,
    ),
  ];
}

function parseAccounts(passwd: string, shadow: string | null): Account[] {
  const hashes = new Map<string, string>();
  for (const line of (shadow ?? '').split('\n')) {
    const [name, field] = line.split(':');
    if (name && field !== undefined) hashes.set(name, field);
  }
  const accounts: Account[] = [];
  for (const line of passwd.split('\n')) {
    const cols = line.split(':');
    if (cols.length < 7 || !cols[0] || line.startsWith('#')) continue;
    const passwdField = cols[1] ?? '';
    const field = passwdField === 'x' ? (hashes.get(cols[0]) ?? '*') : passwdField;
    accounts.push({ name: cols[0], uid: Number(cols[2]), shell: cols[6]?.trim() ?? '', field });
  }
  return accounts;
}

function accountIssues(a: Account, ctx: CheckContext): AccountIssue[] {
  const issues: AccountIssue[] = [];
  const scheme = hashScheme(a.field);
  if (scheme === 'none') issues.push({ account: a.name, problem: 'empty-password' });
  if (a.uid === 0 && a.name !== 'root') issues.push({ account: a.name, problem: 'extra-uid0' });
  const service = (a.uid > 0 && a.uid < 1000) || a.uid === 65534;
  if (service && a.shell !== '' && !NO_LOGIN.test(a.shell)) issues.push({ account: a.name, problem: 'service-login-shell', detail: a.shell });
  if (scheme === 'des' || scheme === 'md5') issues.push({ account: a.name, problem: 'weak-hash', detail: scheme === 'des' ? 'DES crypt' : 'MD5-crypt' });
  const declared = ctx.defaults.credentials.filter((c) => c.user === null || c.user === a.name).map((c) => c.password);
  const hit = (list: string[]) => list.find((pw) => cryptMatches(pw, a.field) === true);
  const declaredHit = hit(declared);
  if (declaredHit !== undefined) issues.push({ account: a.name, problem: 'default-password', detail: mask(declaredHit) });
  else {
    const commonHit = hit([...COMMON_PASSWORDS, a.name]);
    if (commonHit !== undefined) issues.push({ account: a.name, problem: 'common-password', detail: mask(commonHit) });
  }
  return issues;
}
