import type { Role } from './taxonomy.js';

/** What the API and CLI show of a user: never the password hash. */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  /** A member who may invite and deactivate their own organisation's members. */
  orgManager: boolean;
  active: boolean;
  language: 'ja' | 'en' | null;
  totpEnabled: boolean;
}
