package cordon

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
)

// demoDB compiles the project's demo lists (six OFAC SDN entries re-typed
// and two in-house entries) as one list "demo".
func demoDB(t *testing.T) *DB {
	t.Helper()
	dir := filepath.Join("..", "..", "data", "demo", "lists")
	db, err := CompileWith(CompileOptions{ListID: "demo"},
		filepath.Join(dir, "demo_sanctions.csv"), filepath.Join(dir, "inhouse_denylist.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestSearchListedNameIsTopAlert(t *testing.T) {
	db := demoDB(t)
	cases := []struct{ query, id, primary string }{
		{"BANCO NACIONAL DE CUBA", "306", "BANCO NACIONAL DE CUBA"},
		{"ARTAVIL", "15036", "ARTAVIL"},
		{"Nordlicht Trading LLC", "IH-001", "Nordlicht Handels GmbH"},
		{"Александр Залдостанов", "17318", "ZALDOSTANOV, Aleksandr"},
	}
	for _, c := range cases {
		hits, err := db.SearchName(c.query, TypeUnknown)
		if err != nil || len(hits) == 0 {
			t.Fatalf("%q: %v %v", c.query, hits, err)
		}
		top := hits[0]
		if top.EntityID != c.id || top.PrimaryName != c.primary || top.List != "demo" ||
			!top.Alert() || top.Score <= 0 || top.Score > 1 || top.ContentHash == 0 {
			t.Errorf("%q: top %+v", c.query, top)
		}
		if !sort.SliceIsSorted(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score }) {
			t.Errorf("%q: not ranked: %+v", c.query, hits)
		}
		names, err := db.EntityNames(top.EntityIndex)
		if err != nil || names[0].Text != c.primary {
			t.Errorf("%q: entity %d names %v %v", c.query, top.EntityIndex, names, err)
		}
		var ex struct {
			Score  float64 `json:"score"`
			Tokens []struct {
				Query, List, How string
			} `json:"tokens"`
		}
		if err := json.Unmarshal(top.Explanation, &ex); err != nil || len(ex.Tokens) == 0 ||
			ex.Score < top.Score-1e-4 || ex.Score > top.Score+1e-4 {
			t.Errorf("%q: explanation %s: %v", c.query, top.Explanation, err)
		}
	}
	for _, q := range []string{"Johann Sebastian Bach", "Lefevre Hydraulique SARL"} {
		hits, err := db.SearchName(q, TypeUnknown)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			if h.Alert() {
				t.Errorf("%q alerts: %+v", q, h)
			}
		}
	}
}

func TestSearchFilters(t *testing.T) {
	db := demoDB(t)
	base, err := db.SearchName("Aleksandr Zaldostanov", TypePerson)
	if err != nil || len(base) == 0 {
		t.Fatal(base, err)
	}
	hits, err := db.Search(Party{Names: []string{"Aleksandr Zaldostanov"}, Type: TypePerson,
		Countries: []string{"RU", "Russia"}, DOB: "1963-01-19",
		Identifiers: []Identifier{{Type: "passport", Number: "X123"}, {Number: "Y-9", Country: "RU"}}},
		SearchOptions{})
	if err != nil || len(hits) == 0 || hits[0].EntityID != "17318" || hits[0].Score <= base[0].Score {
		t.Fatalf("evidence: %+v %v (base %v)", hits, err, base[0].Score)
	}
	if !strings.Contains(string(hits[0].Explanation), `"kind":"dob"`) {
		t.Errorf("no dob evidence in %s", hits[0].Explanation)
	}
	hits, err = db.Search(Party{Names: []string{"Nobody Special", "ARTAVIL"}, Type: TypeVessel},
		SearchOptions{Limit: 1, Exhaustive: true})
	if err != nil || len(hits) != 1 || hits[0].EntityID != "15036" {
		t.Fatalf("two names, limit 1: %+v %v", hits, err)
	}
	hits, err = db.Search(Party{Names: []string{"ARTAVILLE"}}, SearchOptions{Threshold: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if h.Alert() {
			t.Errorf("threshold 1 alerts: %+v", h)
		}
	}
}

func TestSearchErrors(t *testing.T) {
	db := demoDB(t)
	var cerr *Error
	_, err := db.SearchName("BANCO \xff NACIONAL", TypeUnknown)
	if !errors.Is(err, ErrUTF8) || !errors.As(err, &cerr) || cerr.Offset != 6 {
		t.Errorf("bad UTF-8: %#v", err)
	}
	bad := []struct {
		what string
		q    Party
		o    SearchOptions
		code Code
		msg  string
	}{
		{"no name", Party{}, SearchOptions{}, ErrInvalid, "no name"},
		{"bad type", Party{Names: []string{"x"}, Type: 9}, SearchOptions{}, ErrInvalid, "type"},
		{"bad dob", Party{Names: []string{"x"}, DOB: "yesterday"}, SearchOptions{}, ErrInvalid,
			"not a date"},
		{"bad country", Party{Names: []string{"x"}, Countries: []string{"Atlantis"}},
			SearchOptions{}, ErrInvalid, "unknown country"},
		{"NUL in country", Party{Names: []string{"x"}, Countries: []string{"R\x00U"}},
			SearchOptions{}, ErrInvalid, "NUL"},
		{"17 names", Party{Names: make([]string, 17)}, SearchOptions{}, ErrLimit, ""},
		{"bad limit", Party{Names: []string{"x"}}, SearchOptions{Limit: -1}, ErrInvalid, ""},
		{"bad threshold", Party{Names: []string{"x"}}, SearchOptions{Threshold: 2}, ErrRange, ""},
	}
	for i := range bad[5].q.Names {
		bad[5].q.Names[i] = "ARTAVIL"
	}
	for _, c := range bad {
		_, err := db.Search(c.q, c.o)
		if !errors.Is(err, c.code) || !errors.As(err, &cerr) || !strings.Contains(cerr.Message, c.msg) {
			t.Errorf("%s: %v", c.what, err)
		}
	}
	db.Close()
	if _, err := db.SearchName("ARTAVIL", TypeUnknown); !errors.Is(err, ErrState) {
		t.Errorf("closed db: %v", err)
	}
}

// searchAll runs every query and keeps the hits (with explanations).
func searchAll(t testing.TB, db *DB, qs []string) [][]Hit {
	out := make([][]Hit, len(qs))
	for i, q := range qs {
		h, err := db.Search(Party{Names: []string{q}}, SearchOptions{Limit: 5})
		if err != nil {
			t.Error(q, err)
			return nil
		}
		out[i] = h
	}
	return out
}

// concurrentSame checks that goroutines searching one db get the serial results.
func concurrentSame(t *testing.T, db *DB, qs []string, workers int) {
	serial := searchAll(t, db, qs)
	got := make([][][]Hit, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			rot := append(append([]string{}, qs[w:]...), qs[:w]...)
			got[w] = searchAll(t, db, rot)
		}(w)
	}
	wg.Wait()
	for w := 0; w < workers; w++ {
		want := append(append([][]Hit{}, serial[w:]...), serial[:w]...)
		if !reflect.DeepEqual(got[w], want) {
			t.Fatalf("goroutine %d differs from serial results", w)
		}
	}
}

func TestSearchConcurrentDemo(t *testing.T) {
	db := demoDB(t)
	var qs []string
	for i := 0; i < db.EntityCount(); i++ {
		names, _ := db.EntityNames(i)
		for _, n := range names {
			r := []rune(n.Text) // and a typo: the middle letter dropped
			qs = append(qs, n.Text, string(r[:len(r)/2])+string(r[len(r)/2+1:]))
		}
	}
	qs = append(qs, "Johann Sebastian Bach", "Blue River Logistics GmbH")
	concurrentSame(t, db, qs, 8)
}

func TestSearchRealSDN(t *testing.T) {
	db, err := Compile(sharedData(t, "ofac/sdn_2021-07"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	hits, err := db.SearchName("Oleg Deripaska", TypePerson)
	if err != nil || len(hits) == 0 {
		t.Fatal(hits, err)
	}
	if h := hits[0]; h.List != "us_ofac_sdn" || h.EntityID != "24283" ||
		h.PrimaryName != "DERIPASKA, Oleg Vladimirovich" || !h.Alert() {
		t.Errorf("deripaska: %+v", h)
	}
	for _, q := range []string{"Олег Дерипаска", "Oleg Deripsaka"} {
		hits, err := db.SearchName(q, TypePerson)
		if err != nil || len(hits) == 0 || hits[0].EntityID != "24283" {
			t.Errorf("%q: %+v %v", q, hits, err)
		}
	}
	hits, _ = db.SearchName("Wilhelmina Fairweather", TypePerson)
	for _, h := range hits {
		if h.Alert() {
			t.Errorf("unlisted name alerts: %+v", h)
		}
	}
	// Concurrent goroutines on the real list (run under -race by make check).
	var qs []string
	for i := 0; i < db.EntityCount() && len(qs) < 120; i += 61 {
		names, _ := db.EntityNames(i)
		qs = append(qs, names[0].Text)
	}
	concurrentSame(t, db, qs, 4)
}
