import { Router, type Request, type Response } from 'express';
import { lookUpRefund } from './refunds';

const ORDERS_URL = process.env.ORDERS_URL ?? 'http://orders.internal';

export const refundRoutes = Router();

refundRoutes.get('/refunds/:orderId', showRefunds);

/** GET /agent/refunds/:orderId: the refunds of the order the caller asks about. */
export async function showRefunds(req: Request, res: Response): Promise<void> {
  res.json(await lookUpRefund(ORDERS_URL, req.params.orderId ?? ''));
}
