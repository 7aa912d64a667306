import React from 'react';

export function Header() {
  return (
    <header>
      <a href="/">Shop</a> <a href="/search">Search</a> <a href="/cart">Cart</a> <a href="/account/orders">My orders</a>
    </header>
  );
}
