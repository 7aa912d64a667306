import type { Charge } from './charge';

export function receiptText(charge: Charge): string {
  const amount = (charge.amountCents / 100).toFixed(2);
  return `Thank you for your order ${charge.orderId}. You paid ${amount} ${charge.currency}.`;
}
