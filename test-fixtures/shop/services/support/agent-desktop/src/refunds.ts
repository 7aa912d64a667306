export interface RefundLookup {
  orderId: string;
  status: 'pending' | 'issued' | 'rejected';
  amountCents: number;
}

/** What an agent sees when a caller asks about a refund. */
export async function lookUpRefund(ordersUrl: string, orderId: string): Promise<RefundLookup[]> {
  const response = await fetch(`${ordersUrl}/orders/${encodeURIComponent(orderId)}/refunds`);
  if (!response.ok) return [];
  return (await response.json()) as RefundLookup[];
}
