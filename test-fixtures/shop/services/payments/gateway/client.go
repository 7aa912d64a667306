package gateway

import "context"

type CaptureRequest struct {
	Reference   string
	AmountCents int64
	Currency    string
}

type RefundRequest struct {
	ChargeID    string
	AmountCents int64
}

// Client is the card gateway (an external provider behind an HTTP API).
type Client interface {
	Capture(ctx context.Context, req CaptureRequest) (string, error)
	Refund(ctx context.Context, req RefundRequest) (string, error)
}
