export interface CartLine {
  sku: string;
  quantity: number;
}

export function addToCart(cart: CartLine[], sku: string, quantity = 1): CartLine[] {
  const existing = cart.find((line) => line.sku === sku);
  if (existing) {
    return cart.map((line) => (line.sku === sku ? { ...line, quantity: line.quantity + quantity } : line));
  }
  return [...cart, { sku, quantity }];
}
