import { Cart } from './cart';
import { PaymentService } from './payment-service';

export interface PlacedOrder {
  orderId: string;
  totalCents: number;
}

export async function placeOrder(cart: Cart, customerId: string, payments: PaymentService): Promise<PlacedOrder> {
  const totalCents = cart.totalCents();
  if (totalCents <= 0) throw new Error('The cart is empty');
  const orderId = `ord_${Date.now().toString(36)}`;
  await payments.charge({ orderId, customerId, amountCents: totalCents, currency: 'EUR' });
  return { orderId, totalCents };
}
