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
import { docSchema, parseInput } from '../validate-input.js';
import { OrgParams, ProductParams, requireSignedIn } from '../route-params.js';

export async function organisationRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.addHook('onRequest', requireSignedIn);

  app.get('/api/organisations', { schema: { tags: ['organisations'], summary: 'Organisations visible to the caller' } }, async (request) => ({
    organisations: await visibleOrganisations(ctx, request.actor),
  }));

  app.post(
    '/api/organisations',
    { schema: { tags: ['organisations'], summary: 'Create a member organisation (admin)', body: docSchema(OrganisationInput) } },
    async (request, reply) => reply.status(201).send(await createOrganisation(ctx, request.actor, parseInput(OrganisationInput, request.body))),
  );

  app.get('/api/organisations/:orgId/products', { schema: { tags: ['products'], summary: "An organisation's products" } }, async (request) => {
    const { orgId } = parseInput(OrgParams, request.params, 'params');
    return { products: await productsOf(ctx, request.actor, orgId) };
  });

  app.post(
    '/api/organisations/:orgId/products',
    { schema: { tags: ['products'], summary: 'Register a product', body: docSchema(ProductInput) } },
    async (request, reply) => {
      const { orgId } = parseInput(OrgParams, request.params, 'params');
      return reply.status(201).send(await createProduct(ctx, request.actor, orgId, parseInput(ProductInput, request.body)));
    },
  );

  app.get('/api/products/:productId', { schema: { tags: ['products'], summary: 'One product' } }, async (request) => {
    const { productId } = parseInput(ProductParams, request.params, 'params');
    return getProduct(ctx, request.actor, productId);
  });

  app.patch(
    '/api/organisations/:orgId',
    { schema: { tags: ['organisations'], summary: 'Rename or (de)activate an organisation (admin)', body: docSchema(OrganisationPatch) } },
    async (request) => {
      const { orgId } = parseInput(OrgParams, request.params, 'params');
      return changeOrganisation(ctx, request.actor, orgId, parseInput(OrganisationPatch, request.body));
    },
  );

  app.patch('/api/products/:productId', { schema: { tags: ['products'], summary: 'Change a product', body: docSchema(ProductInput) } }, async (request) => {
    const { productId } = parseInput(ProductParams, request.params, 'params');
    return changeProduct(ctx, request.actor, productId, parseInput(ProductInput, request.body));
  });

  app.get('/api/products/:productId/versions', { schema: { tags: ['products'], summary: "A product's versions" } }, async (request) => {
    const { productId } = parseInput(ProductParams, request.params, 'params');
    return { versions: await productVersions(ctx, request.actor, productId) };
  });

  app.post(
    '/api/products/:productId/versions',
    { schema: { tags: ['products'], summary: 'Add a product version', body: docSchema(ProductVersionInput) } },
    async (request, reply) => {
      const { productId } = parseInput(ProductParams, request.params, 'params');
      return reply.status(201).send(await addProductVersion(ctx, request.actor, productId, parseInput(ProductVersionInput, request.body)));
    },
  );
}
