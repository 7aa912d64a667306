import type { IResolvers } from '@graphql-tools/utils';
import { lookUpRefund } from './refunds';

const ORDERS_URL = process.env.ORDERS_URL ?? 'http://orders.internal';

/** The agent desktop's GraphQL API. */
export const resolvers: IResolvers = {
  Query: {
    refunds: (_parent: unknown, args: { orderId: string }) => lookUpRefund(ORDERS_URL, args.orderId),
  },
};
