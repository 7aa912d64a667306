import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { lookUpRefund, type RefundLookup } from './refunds';

const ORDERS_URL = process.env.ORDERS_URL ?? 'http://orders.internal';

/** Refund requests an agent files for a caller (NestJS). */
@Controller('agent/refund-requests')
export class RefundRequestsController {
  @Get(':orderId')
  list(@Param('orderId') orderId: string): Promise<RefundLookup[]> {
    return lookUpRefund(ORDERS_URL, orderId);
  }

  @Post()
  async create(@Body() body: { orderId: string; amountCents: number }): Promise<{ orderId: string }> {
    const response = await fetch(`${ORDERS_URL}/orders/${encodeURIComponent(body.orderId)}/refunds?amount_cents=${body.amountCents}`, { method: 'POST' });
    if (!response.ok) throw new Error(`refund request failed: ${response.status}`);
    return { orderId: body.orderId };
  }
}
