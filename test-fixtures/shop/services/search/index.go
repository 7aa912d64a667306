package search

import "strings"

// Match returns the products whose name contains every word of the query.
func Match(products []string, query string) []string {
	words := strings.Fields(strings.ToLower(query))
	var out []string
	for _, p := range products {
		name := strings.ToLower(p)
		ok := true
		for _, w := range words {
			if !strings.Contains(name, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, p)
		}
	}
	return out
}
