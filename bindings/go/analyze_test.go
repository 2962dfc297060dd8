package cordon

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
)

func TestAnalyze(t *testing.T) {
	a, err := Analyze("Dr. Юрий Gagarin Holdings GmbH", TypeOrganization)
	if err != nil {
		t.Fatal(err)
	}
	if a.Normalized != "dr yuriy gagarin holdings gmbh" || len(a.Tokens) != 5 {
		t.Fatalf("%+v", a)
	}
	g := a.Tokens[4]
	if g.Kind != TokenLegal || g.LegalClass != "LLC" || g.Script != "latin" {
		t.Fatalf("gmbh: %+v", g)
	}
	y := a.Tokens[1]
	if y.Script != "cyrillic" || y.Offset != 4 || y.Length != 8 {
		t.Fatalf("yuriy: %+v", y)
	}
	var js map[string]interface{}
	if err := json.Unmarshal([]byte(a.JSON), &js); err != nil || js["normalized"] != a.Normalized {
		t.Fatalf("json %v %v", js, err)
	}
	p, _ := Analyze("Mr. Juri al-Hassan II", TypePerson)
	var kinds []TokenKind
	for _, tk := range p.Tokens {
		kinds = append(kinds, tk.Kind)
	}
	want := []TokenKind{TokenHonorific, TokenWord, TokenParticle, TokenWord, TokenNumber}
	if !reflect.DeepEqual(kinds, want) || p.Tokens[1].Phonetic != [2]string{"JR", "AR"} {
		t.Fatalf("kinds %v tokens %+v", kinds, p.Tokens)
	}
	e, _ := Analyze("", TypeUnknown)
	if len(e.Tokens) != 0 || e.Normalized != "" {
		t.Fatalf("empty: %+v", e)
	}
}

func TestAnalyzeErrors(t *testing.T) {
	_, err := Analyze("ab\xffc", TypeUnknown)
	var cerr *Error
	if !errors.Is(err, ErrUTF8) || !errors.As(err, &cerr) || cerr.Offset != 2 {
		t.Fatalf("bad utf8: %v %+v", err, cerr)
	}
	if _, err := Analyze(strings.Repeat("a", 64*1024+1), TypeUnknown); !errors.Is(err, ErrLimit) {
		t.Fatalf("too long: %v", err)
	}
	if _, err := Analyze("x", EntityType(9)); !errors.Is(err, ErrInvalid) {
		t.Fatalf("bad type: %v", err)
	}
}

func TestAnalyzeConcurrent(t *testing.T) {
	names := []string{"Юрий Гагарин", "ACME Trading LLC", "Mr. Juri al-Hassan II",
		"株式会社 東芝", "Ελληνική Εταιρεία Α.Ε."}
	want := make([]*Analysis, len(names))
	for i, n := range names {
		want[i], _ = Analyze(n, TypeUnknown)
	}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 200; k++ {
				i := k % len(names)
				got, err := Analyze(names[i], TypeUnknown)
				if err != nil || !reflect.DeepEqual(got, want[i]) {
					t.Errorf("analysis of %q differs", names[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}
