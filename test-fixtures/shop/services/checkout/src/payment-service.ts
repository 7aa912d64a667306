export interface ChargeRequest {
  orderId: string;
  customerId: string;
  amountCents: number;
  currency: 'EUR' | 'USD' | 'GBP';
}

/** Talks to services/payments over HTTP. */
export class PaymentService {
  constructor(private readonly baseUrl: string) {}

  async charge(request: ChargeRequest): Promise<string> {
    const response = await fetch(`${this.baseUrl}/charges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': request.orderId },
      body: JSON.stringify(request),
    });
    if (!response.ok) throw new Error(`charge failed: ${response.status}`);
    const body = (await response.json()) as { chargeId: string };
    return body.chargeId;
  }

  async status(chargeId: string): Promise<string> {
    const response = await fetch(`${this.baseUrl}/charges/${encodeURIComponent(chargeId)}`);
    const body = (await response.json()) as { status: string };
    return body.status;
  }
}
