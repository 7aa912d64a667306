export interface CartLine {
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

export class Cart {
  private readonly lines = new Map<string, CartLine>();

  add(line: CartLine): void {
    const existing = this.lines.get(line.sku);
    this.lines.set(line.sku, existing ? { ...existing, quantity: existing.quantity + line.quantity } : line);
  }

  remove(sku: string): void {
    this.lines.delete(sku);
  }

  totalCents(): number {
    let total = 0;
    for (const line of this.lines.values()) total += line.quantity * line.unitPriceCents;
    return total;
  }

  items(): CartLine[] {
    return [...this.lines.values()];
  }
}
