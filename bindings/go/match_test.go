package cordon

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"sync"
	"testing"
)

func TestMatch(t *testing.T) {
	s, err := Match("Vladimir Putin", "ПУТИН Владимир Владимирович", TypePerson)
	if err != nil || s < MatchThreshold(TypePerson) {
		t.Fatalf("putin %v %v", s, err)
	}
	s, _ = Match("Acme Trading LLC", "Globex Shipping Ltd", TypeOrganization)
	if s >= MatchThreshold(TypeOrganization) {
		t.Fatalf("unrelated scored %v", s)
	}
	if _, err := Match("ab\xff", "ab", TypeUnknown); !errors.Is(err, ErrUTF8) {
		t.Fatalf("bad utf8: %v", err)
	}
	m, _ := NewMatcher()
	defer m.Close()
	if _, err := m.Explain(); !errors.Is(err, ErrState) {
		t.Fatalf("explain before score: %v", err)
	}
	m.Score("Acme Trading LLC", "ACME TRADING LIMITED LIABILITY COMPANY", TypeOrganization)
	js, err := m.Explain()
	var e struct {
		Tokens []struct{ How string } `json:"tokens"`
	}
	if err != nil || json.Unmarshal(js, &e) != nil || len(e.Tokens) != 2 || e.Tokens[0].How != "exact" {
		t.Fatalf("explain %s %v", js, err)
	}
}

func TestMatchConcurrentAndTxn(t *testing.T) {
	db, err := Compile(sharedData(t, "un/2026-02/UN_consolidated.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var names []string
	for i := 0; i < db.EntityCount(); i += 5 {
		nn, _ := db.EntityNames(i)
		names = append(names, nn[0].Text)
	}
	want := make([]float64, len(names))
	for i := range names {
		want[i], _ = Match(names[i], names[(i*7+1)%len(names)], TypeUnknown)
	}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range names {
				got, err := Match(names[i], names[(i*7+1)%len(names)], TypeUnknown)
				if err != nil || got != want[i] {
					t.Errorf("pair %d: %v != %v (%v)", i, got, want[i], err)
					return
				}
			}
		}()
	}
	wg.Wait()

	v, err := db.ScreenTxn([]byte(`{"id":"T1","parties":[{"role":"buyer","name":"The Houthis","type":"organization"}]}`), nil)
	if err != nil || v.ID != "T1" || v.Decision != "BLOCK" || len(v.Reasons) != 1 || v.Reasons[0].Code != "PARTY_MATCH" {
		t.Fatalf("verdict %+v %v", v, err)
	}
	var ev map[string]interface{}
	if json.Unmarshal(v.Reasons[0].Evidence, &ev) != nil || ev["entity_id"] != "YEe.001" {
		t.Fatalf("evidence %s", v.Reasons[0].Evidence)
	}
	dir := filepath.Join("..", "..", "data", "rules")
	rules, _ := NewRules(filepath.Join(dir, "demo-rules.xml"), filepath.Join(dir, "embargoes.xml"))
	defer rules.Close()
	v, err = ScreenTxn([]byte(`{"id":"T3","destination":"Sevastopol, Crimea","items":[{"description":"office chairs","hs":"940130"}]}`), rules)
	if err != nil || v.Decision != "BLOCK" || v.Reasons[0].Code != "EMBARGO" {
		t.Fatalf("embargo %+v %v", v, err)
	}
	if _, err := db.ScreenTxn([]byte(`{"id":"T4","partys":[]}`), nil); !errors.Is(err, ErrParse) {
		t.Fatalf("unknown field: %v", err)
	}
}
