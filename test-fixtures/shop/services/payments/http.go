package payments

import (
	"net/http"

	"shop.example/payments/gateway"
)

// Handler serves the payments API that checkout and support call.
type Handler struct {
	gw gateway.Client
}

// Routes registers the payments API with Go 1.22 method patterns.
func (h *Handler) Routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /payments/{chargeID}/refunds", h.createRefund)
	mux.HandleFunc("GET /payments/{chargeID}/receipt", h.showReceipt)
	return mux
}
