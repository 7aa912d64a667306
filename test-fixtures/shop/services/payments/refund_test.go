package payments

import (
	"context"
	"testing"
)

func TestRefundRejectsZero(t *testing.T) {
	if _, err := Refund(context.Background(), nil, "ch_1", 0); err == nil {
		t.Fatal("expected an error for a zero refund")
	}
}
