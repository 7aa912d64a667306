package payments

import (
	"context"
	"fmt"

	"shop.example/payments/gateway"
)

// Refund returns money for an order, in full or in part.
func Refund(ctx context.Context, gw gateway.Client, chargeID string, amountCents int64) (string, error) {
	if amountCents <= 0 {
		return "", fmt.Errorf("refund of %d cents: amount must be positive", amountCents)
	}
	return gw.Refund(ctx, gateway.RefundRequest{ChargeID: chargeID, AmountCents: amountCents})
}
