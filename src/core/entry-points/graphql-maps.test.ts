import * as assert from 'node:assert/strict';
import { entryPointsOf, summary } from './test-repo';

describe('entry points: GraphQL resolver maps', () => {
  it('lists Query, Mutation and Subscription fields, with handlers imported from other files', async () => {
    const points = await entryPointsOf({
      'src/graphql/resolvers.ts': [
        "import type { Resolvers } from './generated';",
        "import { orders, order } from '../orders/queries';",
        'export const resolvers: Resolvers = {',
        '  Query: {',
        '    orders,',
        '    order: (_p, args) => order(args.id),',
        "    'me': me,",
        '  },',
        '  Mutation: {',
        '    async placeOrder(_p, args) { return args; },',
        '  },',
        '  Order: { total: (o) => o.total },',
        '};',
        'function me() {}',
      ].join('\n'),
      'src/orders/queries.ts': 'export function orders() {}\nexport function order() {}\n',
      'src/server.js':
        "const { ApolloServer } = require('@apollo/server');\nnew ApolloServer({ typeDefs, resolvers: { Query: { ping: () => 'pong' } } });\n",
    });
    assert.deepEqual(summary(points), [
      'Query.orders @src/graphql/resolvers.ts:5 -> src/orders/queries.ts#orders',
      'Query.order @src/graphql/resolvers.ts:6 -> src/graphql/resolvers.ts',
      'Query.me @src/graphql/resolvers.ts:7 -> src/graphql/resolvers.ts#me',
      'Mutation.placeOrder @src/graphql/resolvers.ts:10 -> src/graphql/resolvers.ts',
      'Query.ping @src/server.js:2 -> src/server.js',
    ]);
  });

  it('ignores objects that merely have a Query key', async () => {
    const points = await entryPointsOf({
      'src/state.ts':
        'export const cache = { Query: { orders: [] }, Mutation: { n: 1 } };\nconst keys = { Query: { a: () => 1 } };\n',
    });
    assert.deepEqual(points, []);
  });
});
