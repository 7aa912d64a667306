// Charges a card for an order.

export interface Charge {
  orderId: string;
  amountCents: number;
  currency: string;
}

export class PaymentService {
  charge(orderId: string, amountCents: number, currency = 'EUR'): Charge {
    if (!Number.isInteger(amountCents) || amountCents <= 0) {
      throw new Error('Amount must be a positive whole number of cents');
    }
    return { orderId, amountCents, currency };
  }
}
