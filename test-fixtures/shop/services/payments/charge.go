package payments

import (
	"context"
	"errors"

	"shop.example/payments/gateway"
)

// Charge takes the order's amount from the customer's card.
func Charge(ctx context.Context, gw gateway.Client, orderID string, amountCents int64, currency string) (string, error) {
	if amountCents <= 0 {
		return "", errors.New("amount must be positive")
	}
	return gw.Capture(ctx, gateway.CaptureRequest{Reference: orderID, AmountCents: amountCents, Currency: currency})
}
