import React from 'react';
import { Header } from '../../components/Header';

export default function ProductPage({ product }: { product: { name: string; priceCents: number } }) {
  return (
    <main>
      <Header />
      <h1>{product.name}</h1>
      <p>{(product.priceCents / 100).toFixed(2)} €</p>
      <button>Add to cart</button>
    </main>
  );
}
