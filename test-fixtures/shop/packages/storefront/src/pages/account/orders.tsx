import React from 'react';

export default function Orders({ orders }: { orders: { id: string; state: string }[] }) {
  return (
    <table>
      <tbody>
        {orders.map((o) => (
          <tr key={o.id}>
            <td>{o.id}</td>
            <td>{o.state === 'refunded' ? 'Refunded' : o.state}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
