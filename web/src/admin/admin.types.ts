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
/** A user as the API shows one (src/core/accounts.types.ts). */
export type { UserView as UserItem } from '../../../src/core/accounts.types.js';
export interface LinkAnswer {
  link: string;
  mailed: boolean;
}
