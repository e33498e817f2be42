import type { Role } from '../api/types';

export interface OrganisationItem {
  id: string;
  name: string;
  active: boolean;
}
export interface ProductItem {
  id: string;
  organisationId: string;
  name: string;
  model: string | null;
  description: string | null;
}
export interface VersionItem {
  id: string;
  version: string;
  releaseDate: string | null;
  supportEnd: string | null;
}
export interface UserItem {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  orgManager: boolean;
  active: boolean;
  language: 'ja' | 'en' | null;
  totpEnabled: boolean;
}
export interface LinkAnswer {
  link: string;
  mailed: boolean;
}
