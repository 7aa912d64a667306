package search

import (
	"encoding/json"
	"net/http"
)

// Handler serves product search to the storefront and the app.
type Handler struct {
	Products []string
}

// Routes registers the search API.
func (h *Handler) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /search", h.search)
}

func (h *Handler) search(w http.ResponseWriter, r *http.Request) {
	_ = json.NewEncoder(w).Encode(Match(h.Products, r.URL.Query().Get("q")))
}
