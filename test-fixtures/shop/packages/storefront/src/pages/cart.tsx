import React from 'react';
import { Header } from '../components/Header';

export default function CartPage({ lines }: { lines: { sku: string; name: string; quantity: number }[] }) {
  return (
    <main>
      <Header />
      <ul>
        {lines.map((line) => (
          <li key={line.sku}>
            {line.quantity} × {line.name}
          </li>
        ))}
      </ul>
      <a href="/checkout">Check out</a>
    </main>
  );
}
