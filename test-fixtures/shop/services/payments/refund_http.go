package payments

import (
	"encoding/json"
	"net/http"
)

type refundBody struct {
	AmountCents int64 `json:"amountCents"`
}

// createRefund is POST /payments/{chargeID}/refunds: the orders service asks for money back.
func (h *Handler) createRefund(w http.ResponseWriter, r *http.Request) {
	var body refundBody
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad refund request", http.StatusBadRequest)
		return
	}
	id, err := Refund(r.Context(), h.gw, r.PathValue("chargeID"), body.AmountCents)
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]string{"refundID": id})
}
