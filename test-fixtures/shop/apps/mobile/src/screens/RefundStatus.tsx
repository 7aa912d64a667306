import React from 'react';
import { Text } from 'react-native';

export function RefundStatus({ status }: { status: 'pending' | 'issued' | 'rejected' }) {
  return <Text>{status === 'issued' ? 'Refund issued' : status === 'rejected' ? 'Refund declined' : 'Refund requested'}</Text>;
}
