import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.js';
import {
  createOrganisation,
  createProduct,
  getProduct,
  changeOrganisation,
  changeProduct,
  OrganisationInput,
  OrganisationPatch,
  ProductInput,
  productsOf,
  visibleOrganisations,
} from '../../services/organisations.service.js';
import { addProductVersion, ProductVersionInput, productVersions } from '../../services/product-versions.service.js';
import { taggedRoutes } from '../tagged-routes.js';
import { OrgParams, ProductParams, requireSignedIn } from '../route-params.js';

export async function organisationRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.addHook('onRequest', requireSignedIn);

  const organisations = taggedRoutes(app, ['organisations']);
  const products = taggedRoutes(app, ['products']);

  organisations.get({ url: '/api/organisations', summary: 'Organisations visible to the caller' }, async ({ actor }) => ({
    organisations: await visibleOrganisations(ctx, actor),
  }));

  organisations.post({ url: '/api/organisations', summary: 'Create a member organisation (admin)', body: OrganisationInput, status: 201 }, ({ actor, body }) =>
    createOrganisation(ctx, actor, body),
  );

  products.get({ url: '/api/organisations/:orgId/products', summary: "An organisation's products", params: OrgParams }, async ({ actor, params }) => ({
    products: await productsOf(ctx, actor, params.orgId),
  }));

  products.post(
    { url: '/api/organisations/:orgId/products', summary: 'Register a product', params: OrgParams, body: ProductInput, status: 201 },
    ({ actor, params, body }) => createProduct(ctx, actor, params.orgId, body),
  );

  products.get({ url: '/api/products/:productId', summary: 'One product', params: ProductParams }, ({ actor, params }) =>
    getProduct(ctx, actor, params.productId),
  );

  organisations.patch(
    { url: '/api/organisations/:orgId', summary: 'Rename or (de)activate an organisation (admin)', params: OrgParams, body: OrganisationPatch },
    ({ actor, params, body }) => changeOrganisation(ctx, actor, params.orgId, body),
  );

  products.patch({ url: '/api/products/:productId', summary: 'Change a product', params: ProductParams, body: ProductInput }, ({ actor, params, body }) =>
    changeProduct(ctx, actor, params.productId, body),
  );

  products.get({ url: '/api/products/:productId/versions', summary: "A product's versions", params: ProductParams }, async ({ actor, params }) => ({
    versions: await productVersions(ctx, actor, params.productId),
  }));

  products.post(
    { url: '/api/products/:productId/versions', summary: 'Add a product version', params: ProductParams, body: ProductVersionInput, status: 201 },
    ({ actor, params, body }) => addProductVersion(ctx, actor, params.productId, body),
  );
}
