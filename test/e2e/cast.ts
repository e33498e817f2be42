import type { Person } from './flows.js';

/** The people, organisations and product the assessment journeys share (each journey runs on a server of its own). */
export const ADMIN = { email: 'admin@example.jp', displayName: '手引 管理者' };
export const ASSESSOR = { email: 'assessor@example.jp', displayName: '診断 一郎', role: 'assessor' } satisfies Person;
export const MEMBER_A = { email: 'a@example.jp', displayName: '会員 A 太郎', role: 'member' } satisfies Person;
export const MEMBER_B = { email: 'b@example.jp', displayName: '会員 B 次郎', role: 'member' } satisfies Person;
export const EDITOR = { email: 'editor@example.jp', displayName: '編集者 三郎', role: 'editor' } satisfies Person;

/** Who every assessment journey logs in as: the assessor, and a member of each organisation. */
export const PEOPLE = { assessor: ASSESSOR, memberA: MEMBER_A, memberB: MEMBER_B } satisfies Record<string, Person>;

export const ORG_A = '株式会社エー電機';
export const ORG_B = 'ビー工業合同会社';
export const PRODUCT = 'スマート照明ハブ SL-200';
