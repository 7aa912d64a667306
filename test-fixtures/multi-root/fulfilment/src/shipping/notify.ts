export function shippingMessage(orderId: string, eta: string): string {
  return `Your order ${orderId} is on its way and arrives ${eta}.`;
}
