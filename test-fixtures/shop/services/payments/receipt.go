package payments

import (
	"fmt"
	"net/http"
)

// showReceipt is GET /payments/{chargeID}/receipt: the printable receipt a customer downloads after paying.
// New, and in no journey yet: `cx-impact entry-points --uncovered` lists it.
func (h *Handler) showReceipt(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "Receipt for charge %s\n", r.PathValue("chargeID"))
}
