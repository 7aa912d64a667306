import React from 'react';
import { Text, View } from 'react-native';

export function OrderStatus({ status, etaDays }: { status: string; etaDays: number }) {
  return (
    <View>
      <Text>{status === 'in_transit' ? `Arrives in ${etaDays} days` : 'Preparing your order'}</Text>
    </View>
  );
}
