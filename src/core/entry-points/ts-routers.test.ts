import * as assert from 'node:assert/strict';
import { entryPointsOf, summary } from './test-repo';

describe('entry points: Express, Fastify, Koa, Hono', () => {
  it('finds Express routes on the app and on routers, with the handler in another file', async () => {
    const points = await entryPointsOf({
      'src/app.ts': [
        "import express from 'express';",
        "import { ordersRouter } from './routes/orders';",
        "import health from './health';",
        'const app = express();',
        "app.get('/health', health);",
        "app.use('/api/orders', requireUser, ordersRouter);",
        'export default app;',
      ].join('\n'),
      'src/routes/orders.ts': [
        "import { Router } from 'express';",
        "import * as handlers from '../handlers/orders.js';",
        "import { OrdersController } from '../controllers/orders';",
        'export const ordersRouter = Router();',
        'const ctrl = new OrdersController();',
        "ordersRouter.get('/', handlers.list);",
        "ordersRouter.post('/:id/cancel', asyncHandler(ctrl.cancel));",
        "ordersRouter.route('/:id').get(handlers.show).delete((req, res) => res.end());",
      ].join('\n'),
      'src/handlers/orders.ts': 'export function list() {}\nexport function show() {}\n',
      'src/controllers/orders.ts': 'export class OrdersController { cancel() {} }\n',
      'src/health.ts': 'export default function health() {}\n',
    });
    assert.deepEqual(summary(points), [
      'GET /health @src/app.ts:5 -> src/health.ts',
      'GET /api/orders @src/routes/orders.ts:6 -> src/handlers/orders.ts#list',
      'POST /api/orders/:id/cancel @src/routes/orders.ts:7 -> src/controllers/orders.ts#OrdersController.cancel',
      'DELETE /api/orders/:id @src/routes/orders.ts:8 -> src/routes/orders.ts',
      'GET /api/orders/:id @src/routes/orders.ts:8 -> src/handlers/orders.ts#show',
    ]);
    assert.equal(points[0]!.framework, 'express');
  });

  it('follows routers mounted in a chain, a default-exported router, and require()', async () => {
    const points = await entryPointsOf({
      'server.js':
        "const express = require('express');\nconst api = require('./api');\nconst app = express();\napp.use('/api', api);\n",
      'api/index.js':
        "const express = require('express');\nconst users = require('./users');\nconst router = express.Router();\nrouter.use('/users', users);\nmodule.exports = router;\n",
      'api/users.js':
        "const { Router } = require('express');\nconst r = Router();\nr.get('/:id', function show(req, res) {});\nmodule.exports = r;\n",
    });
    assert.deepEqual(summary(points), ['GET /api/users/:id @api/users.js:3 -> api/users.js']);
  });

  it('reads Fastify shorthand, route() and plugins registered under a prefix', async () => {
    const points = await entryPointsOf({
      'src/server.ts': [
        "import Fastify from 'fastify';",
        "import cartRoutes from './cart';",
        'const app = Fastify({ logger: true });',
        "app.get('/ping', async () => 'pong');",
        "app.route({ method: ['GET', 'HEAD'], url: '/status', handler: status });",
        "app.register(cartRoutes, { prefix: '/cart' });",
        'function status() {}',
      ].join('\n'),
      'src/cart.ts': [
        "import type { FastifyInstance } from 'fastify';",
        "import { FastifyInstance as FI } from 'fastify';",
        'export default async function cartRoutes(app: FI) {',
        "  app.post('/items', { schema: {} }, addItem);",
        "  app.delete('/items/:id', { handler: removeItem });",
        '}',
        'function addItem() {}',
        'function removeItem() {}',
      ].join('\n'),
    });
    assert.deepEqual(summary(points), [
      'POST /cart/items @src/cart.ts:4 -> src/cart.ts#addItem',
      'DELETE /cart/items/:id @src/cart.ts:5 -> src/cart.ts#removeItem',
      'GET /ping @src/server.ts:4 -> src/server.ts',
      'GET /status @src/server.ts:5 -> src/server.ts#status',
      'HEAD /status @src/server.ts:5 -> src/server.ts#status',
    ]);
  });

  it('reads Koa routers with a prefix option and Hono with basePath and route()', async () => {
    const points = await entryPointsOf({
      'koa.ts':
        "import Router from '@koa/router';\nconst router = new Router({ prefix: '/v1' });\nrouter.get('/items', list);\nrouter.all('/any', list);\nfunction list() {}\n",
      'hono.ts': [
        "import { Hono } from 'hono';",
        "const app = new Hono().basePath('/api');",
        'const books = new Hono();',
        "books.get('/:id', (c) => c.json({}));",
        "app.route('/books', books);",
      ].join('\n'),
    });
    assert.deepEqual(summary(points), [
      'GET /api/books/:id @hono.ts:4 -> hono.ts',
      'GET /v1/items @koa.ts:3 -> koa.ts#list',
      'ANY /v1/any @koa.ts:4 -> koa.ts#list',
    ]);
  });

  it('takes a parameter typed as a router as a router', async () => {
    const points = await entryPointsOf({
      'routes.ts':
        "import type { Router } from 'express';\nimport { Router as R } from 'express';\nexport function mount(router: R) {\n  router.put('/profile', save);\n}\nfunction save() {}\n",
    });
    assert.deepEqual(summary(points), ['PUT /profile @routes.ts:4 -> routes.ts#save']);
  });

  it('finds nothing in calls that are not routes', async () => {
    const points = await entryPointsOf({
      'client.ts': [
        "import axios from 'axios';",
        "import express from 'express';",
        'const cache = new Map<string, string>();',
        "cache.get('/x');",
        "axios.get('/orders');",
        "axios.post('/orders', { a: 1 });",
        'const app = express();',
        "app.get('env');",
        "app.set('/x', 1);",
        'app.get(routeFromConfig, handler);',
        'app.get(`/orders/${id}`, handler);',
      ].join('\n'),
      'no-framework.ts': "const app = makeApp();\napp.get('/x', (req, res) => {});\nrouter.post('/y', h);\n",
    });
    assert.deepEqual(summary(points), []);
  });
});

describe('entry points: Express routers composed in chains', () => {
  it('follows Router().use(a).use(b), a default-exported chain with a prefix, and app.use(routes) without one', async () => {
    const points = await entryPointsOf({
      'src/main.ts':
        "import express from 'express';\nimport routes from './routes';\nconst app = express();\napp.use(express.json());\napp.use(routes);\napp.get('/', (req, res) => res.end());\n",
      'src/routes.ts':
        "import { Router } from 'express';\nimport tags from './tags';\nconst api = Router()\n  .use(tags);\nexport default Router().use('/api', api);\n",
      'src/tags.ts':
        "import { Router } from 'express';\nconst router = Router();\nrouter.get('/tags', async (req, res) => res.json([]));\nexport default router;\n",
    });
    assert.deepEqual(summary(points), [
      'GET / @src/main.ts:6 -> src/main.ts',
      'GET /api/tags @src/tags.ts:3 -> src/tags.ts',
    ]);
  });
});

describe('entry points: routers mounted from another file in CommonJS and namespaces', () => {
  it('Express: app.use(prefix, require("./routes")), require("express").Router(), and a router taken from a namespace import', async () => {
    const points = await entryPointsOf({
      'app.js':
        "const express = require('express');\nconst app = express();\napp.use('/api/users', require('./routes/users'));\nconst orders = require('./routes/orders');\napp.use('/api/orders', orders);\n",
      'routes/users.js':
        "const express = require('express');\nconst router = express.Router();\nrouter.get('/:id', (req, res) => {});\nmodule.exports = router;\n",
      'routes/orders.js':
        "const router = require('express').Router();\nrouter.post('/', (req, res) => {});\nmodule.exports = router;\n",
      'src/app.ts':
        "import express from 'express';\nimport * as carts from './carts';\nconst app = express();\napp.use('/carts', carts.router);\n",
      'src/carts/index.ts':
        "import { Router } from 'express';\nexport const router = Router();\nrouter.get('/', (req, res) => {});\n",
    });
    assert.deepEqual(summary(points), [
      'POST /api/orders @routes/orders.js:2 -> routes/orders.js',
      'GET /api/users/:id @routes/users.js:3 -> routes/users.js',
      'GET /carts @src/carts/index.ts:3 -> src/carts/index.ts',
    ]);
  });

  it('Fastify: a named plugin whose instance type is imported with `import type`', async () => {
    const points = await entryPointsOf({
      'src/app.ts':
        "import Fastify from 'fastify';\nimport { usersRoutes } from './users';\nconst app = Fastify();\napp.register(usersRoutes, { prefix: '/users' });\n",
      'src/users.ts':
        "import type { FastifyInstance } from 'fastify';\nexport async function usersRoutes(fastify: FastifyInstance) {\n  fastify.get('/:id', async () => ({}));\n}\n",
    });
    assert.deepEqual(summary(points), ['GET /users/:id @src/users.ts:3 -> src/users.ts']);
  });
});

describe('entry points: an Express router made by a function', () => {
  it('app.use("/users", makeRouter()) serves the routes the function registers, here or in another file', async () => {
    const points = await entryPointsOf({
      'src/app.ts':
        "import express from 'express';\nimport { makeRouter } from './users';\nconst app = express();\napp.use('/users', makeRouter());\napp.use('/admin', adminRouter());\nfunction adminRouter() {\n  const r = express.Router();\n  r.get('/stats', (req, res) => {});\n  return r;\n}\n",
      'src/users.ts':
        "import { Router } from 'express';\nexport function makeRouter() {\n  const router = Router();\n  router.get('/:id', (req, res) => {});\n  return router;\n}\n",
    });
    assert.deepEqual(summary(points), [
      'GET /admin/stats @src/app.ts:8 -> src/app.ts',
      'GET /users/:id @src/users.ts:4 -> src/users.ts',
    ]);
  });
});
