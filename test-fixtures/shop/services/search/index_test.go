package search

import "testing"

func TestMatch(t *testing.T) {
	got := Match([]string{"Red shoe", "Blue shoe", "Red hat"}, "red shoe")
	if len(got) != 1 || got[0] != "Red shoe" {
		t.Fatalf("got %v", got)
	}
}
