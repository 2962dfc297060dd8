package cordon

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

func demoRules(t *testing.T) *Rules {
	dir := filepath.Join("..", "..", "data", "rules")
	r, err := NewRules(filepath.Join(dir, "demo-rules.xml"), filepath.Join(dir, "embargoes.xml"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestClassify(t *testing.T) {
	r := demoRules(t)
	defer r.Close()
	if e, b := r.Counts(); e != 13 || b != 25 {
		t.Fatalf("counts %d %d", e, b)
	}
	c, err := r.Classify(Item{Description: "AD9208 analog-to-digital converter 14-bit 3 GSPS",
		TariffCode: "854239"})
	if err != nil {
		t.Fatal(err)
	}
	top := c.Candidates[0]
	if top.Code != "3A001.a.5.a.4" || top.Reason != "parameter" || top.List != "eu-dual-use-demo" ||
		!strings.Contains(top.Evidence, "sample_rate 3000 MSPS > 250 MSPS") {
		t.Fatalf("top %+v", top)
	}
	c, _ = r.Classify(Item{Description: "analog-to-digital converter",
		Params: map[string]string{"resolution": "14 bit", "sample_rate": "3 GSPS"}})
	if c.Candidates[0].Code != "3A001.a.5.a.4" {
		t.Fatalf("params: %+v", c.Candidates)
	}
	c, _ = r.Classify(Item{Description: "office chairs", Destination: "Sevastopol, Crimea"})
	if len(c.Candidates) != 0 || len(c.Embargoes) != 3 || !c.Embargoes[0].Block {
		t.Fatalf("embargo: %+v", c)
	}
	c, _ = r.Classify(Item{ControlCode: "3a001a5a1"})
	if c.Candidates[0].Reason != "declared" || c.Candidates[0].Code != "3A001.a.5.a.1" {
		t.Fatalf("declared: %+v", c.Candidates)
	}
	_, err = r.Classify(Item{TariffCode: "8.54E+05"})
	var cerr *Error
	if !errors.Is(err, ErrParse) || !errors.As(err, &cerr) || cerr.Column != 5 {
		t.Fatalf("damaged code: %v", err)
	}
	if _, err := NewRules("missing-rules.xml"); !errors.Is(err, ErrIO) {
		t.Fatalf("missing file: %v", err)
	}
}

func TestClassifyCHPL(t *testing.T) {
	r, err := NewRules()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := r.AddFile(sharedData(t, "control/chpl_hs6_tiers.tsv"), "code_list", "chpl"); err != nil {
		t.Fatal(err)
	}
	c, _ := r.Classify(Item{TariffCode: "854231"})
	if len(c.Candidates) != 1 || c.Candidates[0].Tier != "1" || c.Candidates[0].Reason != "hs_prefix" {
		t.Fatalf("%+v", c.Candidates)
	}
}

func TestClassifyConcurrent(t *testing.T) {
	r := demoRules(t)
	items := []Item{{Description: "AD9208 analog-to-digital converter 14-bit 3 GSPS", TariffCode: "854239"},
		{Description: "wooden garden bench", TariffCode: "940161", Destination: "North Korea"},
		{Description: "analog-to-digital converter"}}
	want := make([]*Classification, len(items))
	for i, it := range items {
		want[i], _ = r.Classify(it)
	}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 60; k++ {
				got, err := r.Classify(items[k%len(items)])
				if err != nil || !reflect.DeepEqual(got, want[k%len(items)]) {
					t.Errorf("classification %d differs: %v", k%len(items), err)
					return
				}
			}
		}()
	}
	wg.Wait()
	r.Close()
	if _, err := r.Classify(items[0]); !errors.Is(err, ErrState) {
		t.Fatalf("after close: %v", err)
	}
}
