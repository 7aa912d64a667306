import * as assert from 'node:assert/strict';
import { entryPointsOf, summary } from './test-repo';

describe('entry points: NestJS controllers and GraphQL resolver classes', () => {
  it('joins the controller prefix with each method route, with and without arguments', async () => {
    const points = await entryPointsOf({
      'src/orders/orders.controller.ts': [
        "import { Controller, Get, Post, Delete as Remove, Param } from '@nestjs/common';",
        '',
        "@Controller('orders')",
        'export class OrdersController {',
        '  @Get()',
        '  findAll() {}',
        '',
        "  @Get(':id')",
        "  findOne(@Param('id') id: string) {}",
        '',
        "  @Post(['', 'bulk'])",
        '  create() {}',
        '',
        "  @Remove(':id')",
        '  remove() {}',
        '',
        '  helper() {}',
        '}',
      ].join('\n'),
      'src/health.controller.ts':
        "import { Controller, Get } from '@nestjs/common';\n@Controller({ path: 'health' })\nclass HealthController {\n  @Get('live') live() {}\n}\n@Controller()\nexport class RootController {\n  @Get() index() {}\n}\n",
    });
    assert.deepEqual(summary(points), [
      'GET /health/live @src/health.controller.ts:4 -> src/health.controller.ts#HealthController.live',
      'GET / @src/health.controller.ts:8 -> src/health.controller.ts#RootController.index',
      'GET /orders @src/orders/orders.controller.ts:5 -> src/orders/orders.controller.ts#OrdersController.findAll',
      'GET /orders/:id @src/orders/orders.controller.ts:8 -> src/orders/orders.controller.ts#OrdersController.findOne',
      'POST /orders @src/orders/orders.controller.ts:11 -> src/orders/orders.controller.ts#OrdersController.create',
      'POST /orders/bulk @src/orders/orders.controller.ts:11 -> src/orders/orders.controller.ts#OrdersController.create',
      'DELETE /orders/:id @src/orders/orders.controller.ts:14 -> src/orders/orders.controller.ts#OrdersController.remove',
    ]);
  });

  it('reads NestJS and type-graphql resolvers: queries, mutations and field resolvers', async () => {
    const points = await entryPointsOf({
      'src/orders.resolver.ts': [
        "import { Resolver, Query, Mutation, ResolveField, Args } from '@nestjs/graphql';",
        '@Resolver(() => Order)',
        'export class OrdersResolver {',
        '  @Query(() => [Order])',
        '  orders() {}',
        "  @Query(() => Order, { name: 'order' })",
        '  findOne() {}',
        '  @Mutation(() => Order)',
        '  placeOrder() {}',
        "  @ResolveField('items', () => [Item])",
        '  lines() {}',
        '}',
      ].join('\n'),
      'src/recipe.resolver.ts':
        "import { Resolver, Query, FieldResolver } from 'type-graphql';\n@Resolver(of => Recipe)\nclass RecipeResolver {\n  @Query(returns => [Recipe])\n  recipes() {}\n  @FieldResolver()\n  rating() {}\n}\n",
    });
    assert.deepEqual(summary(points), [
      'Query.orders @src/orders.resolver.ts:4 -> src/orders.resolver.ts#OrdersResolver.orders',
      'Query.order @src/orders.resolver.ts:6 -> src/orders.resolver.ts#OrdersResolver.findOne',
      'Mutation.placeOrder @src/orders.resolver.ts:8 -> src/orders.resolver.ts#OrdersResolver.placeOrder',
      'Order.items @src/orders.resolver.ts:10 -> src/orders.resolver.ts#OrdersResolver.lines',
      'Query.recipes @src/recipe.resolver.ts:4 -> src/recipe.resolver.ts#RecipeResolver.recipes',
      'Recipe.rating @src/recipe.resolver.ts:6 -> src/recipe.resolver.ts#RecipeResolver.rating',
    ]);
  });

  it('ignores decorators of the same name that do not come from NestJS', async () => {
    const points = await entryPointsOf({
      'a.ts':
        "import { Controller, Get } from './my-decorators';\n@Controller('x')\nclass A {\n  @Get('y') y() {}\n}\n",
      'b.ts':
        "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class Service {\n  get(id: string) {}\n}\n",
    });
    assert.deepEqual(points, []);
  });
});

describe('entry points: NestJS global prefix', () => {
  it('puts every controller route under app.setGlobalPrefix()', async () => {
    const points = await entryPointsOf({
      'src/main.ts':
        "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('api');\n  await app.listen(3000);\n}\n",
      'src/tags.controller.ts':
        "import { Controller, Get } from '@nestjs/common';\n@Controller('tags')\nexport class TagsController {\n  @Get() all() {}\n}\n",
    });
    assert.deepEqual(summary(points), [
      'GET /api/tags @src/tags.controller.ts:4 -> src/tags.controller.ts#TagsController.all',
    ]);
  });
});

describe('entry points: NestJS RouterModule', () => {
  it("serves a module's controllers under the path RouterModule registers it at, children nested, after the global prefix", async () => {
    const points = await entryPointsOf({
      'src/main.ts':
        "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('api');\n}\n",
      'src/app.module.ts': [
        "import { Module } from '@nestjs/common';",
        "import { RouterModule } from '@nestjs/core';",
        "import { AdminModule } from './admin/admin.module';",
        "import { UsersModule } from './users/users.module';",
        '@Module({',
        '  imports: [AdminModule, UsersModule, RouterModule.register([',
        "    { path: 'admin', module: AdminModule, children: [{ path: 'people', module: UsersModule }] },",
        '  ])],',
        '})',
        'export class AppModule {}',
      ].join('\n'),
      'src/admin/admin.module.ts':
        "import { Module } from '@nestjs/common';\nimport { StatsController } from './stats.controller';\n@Module({ controllers: [StatsController] })\nexport class AdminModule {}\n",
      'src/admin/stats.controller.ts':
        "import { Controller, Get } from '@nestjs/common';\n@Controller('stats')\nexport class StatsController {\n  @Get() all() {}\n}\n",
      'src/users/users.module.ts':
        "import { Module } from '@nestjs/common';\nimport { UsersController } from './users.controller';\n@Module({ controllers: [UsersController] })\nexport class UsersModule {}\n",
      'src/users/users.controller.ts':
        "import { Controller, Get } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  @Get(':id') find() {}\n}\n",
      // A controller of no routed module keeps its own path.
      'src/health.controller.ts':
        "import { Controller, Get } from '@nestjs/common';\n@Controller('health')\nexport class HealthController {\n  @Get() ok() {}\n}\n",
    });
    assert.deepEqual(summary(points), [
      'GET /api/admin/stats @src/admin/stats.controller.ts:4 -> src/admin/stats.controller.ts#StatsController.all',
      'GET /api/health @src/health.controller.ts:4 -> src/health.controller.ts#HealthController.ok',
      'GET /api/admin/people/users/:id @src/users/users.controller.ts:4 -> src/users/users.controller.ts#UsersController.find',
    ]);
  });
});
