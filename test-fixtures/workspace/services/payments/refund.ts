// Refunds for paid orders. The fixture map scopes its touchpoints to symbols in this file.

export type RefundState = 'requested' | 'approved' | 'paid' | 'rejected';

export interface Refund {
  orderId: string;
  amountCents: number;
  state: RefundState;
}

export class RefundService {
  private readonly refunds = new Map<string, Refund>();

  requestRefund(orderId: string, amountCents: number): Refund {
    if (amountCents <= 0) {
      throw new Error('A refund must be for a positive amount');
    }
    const refund: Refund = { orderId, amountCents, state: 'requested' };
    this.refunds.set(orderId, refund);
    return refund;
  }

  status(orderId: string): RefundState | undefined {
    return this.refunds.get(orderId)?.state;
  }

  approve(orderId: string): void {
    const refund = this.refunds.get(orderId);
    if (refund) refund.state = 'approved';
  }
}

export function formatRefundStatus(refund: Refund): string {
  return `Refund for order ${refund.orderId}: ${refund.state}`;
}

export function refundPolicyDays(): number {
  return 30;
}
