package cordon

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// sharedData returns a path under $CORDON_SHARED_DATA, skipping the test
// with a message when the real-data folder is absent.
func sharedData(t testing.TB, rel string) string {
	t.Helper()
	d := os.Getenv("CORDON_SHARED_DATA")
	if d == "" {
		t.Skipf("CORDON_SHARED_DATA not set: skipping test on real list %s", rel)
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data %s not found: %v", p, err)
	}
	return p
}

func TestVersion(t *testing.T) {
	v := Version()
	if !strings.HasPrefix(v, "0.") || VersionNumber() < 100 {
		t.Fatalf("version %q / %d", v, VersionNumber())
	}
}

func TestFormats(t *testing.T) {
	names := map[string]bool{}
	for _, f := range Formats() {
		if f.Description == "" {
			t.Errorf("format %s has no description", f.Name)
		}
		names[f.Name] = true
	}
	for _, want := range []string{"ofac_csv", "un_xml", "ofac_xml"} {
		if !names[want] {
			t.Errorf("format %s missing from %v", want, names)
		}
	}
}

func TestCountry(t *testing.T) {
	cases := []struct{ in, want string }{
		{"North Korea", "KP"}, {"Iran (Islamic Republic of)", "IR"}, {"Türkiye", "TR"},
		{"deu", "DE"}, {"643", "RU"},
	}
	for _, c := range cases {
		got, ok := CountryISO2(c.in)
		if !ok || got != c.want {
			t.Errorf("CountryISO2(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
	for _, bad := range []string{"Korea", "", "Atlantis", "\xff"} {
		if got, ok := CountryISO2(bad); ok {
			t.Errorf("CountryISO2(%q) = %q, want not found", bad, got)
		}
	}
	if n, ok := CountryName("kp"); !ok || !strings.Contains(n, "Korea") {
		t.Errorf("CountryName(kp) = %q, %v", n, ok)
	}
	if _, ok := CountryName("QQ"); ok {
		t.Error("CountryName(QQ) found")
	}
}

func TestNormalizeCode(t *testing.T) {
	got, kind, err := NormalizeCode("3a001a5a3", CodeAuto)
	if err != nil || got != "3A001.a.5.a.3" || kind != CodeECCN {
		t.Fatalf("got %q %v %v", got, kind, err)
	}
	got, kind, err = NormalizeCode("0101.21", CodeAuto)
	if err != nil || got != "010121" || kind != CodeHS {
		t.Fatalf("got %q %v %v", got, kind, err)
	}
	_, _, err = NormalizeCode("8.54E+05", CodeAuto)
	var cerr *Error
	if !errors.Is(err, ErrParse) || !errors.As(err, &cerr) {
		t.Fatalf("want ErrParse, got %v", err)
	}
	if cerr.Offset != 4 || cerr.Column != 5 || !strings.Contains(cerr.Message, "scientific") {
		t.Fatalf("error fields: %+v", cerr)
	}
	if errors.Is(err, ErrIO) {
		t.Fatal("ErrParse also matched ErrIO")
	}
}

func TestOpenErrors(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "missing.cdb"))
	var cerr *Error
	if !errors.Is(err, ErrIO) || !errors.As(err, &cerr) || cerr.Detail != 2 {
		t.Fatalf("missing file: %v (%+v)", err, cerr)
	}
	bad := filepath.Join(t.TempDir(), "bad.cdb")
	if err := os.WriteFile(bad, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(bad); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("garbage snapshot: %v", err)
	}
}

func TestCompileParseError(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.xml")
	doc := "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2026-01-01\">\n" +
		"<INDIVIDUALS>\n<INDIVIDUAL><DATAID>1</DATAID>\n</CONSOLIDATED_LIST>\n"
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Compile(p)
	var cerr *Error
	if !errors.Is(err, ErrParse) || !errors.As(err, &cerr) {
		t.Fatalf("want ErrParse, got %v", err)
	}
	if cerr.Line != 5 || !strings.Contains(cerr.Message, "bad.xml") {
		t.Fatalf("error fields: %+v", cerr)
	}
	if _, err := CompileWith(CompileOptions{Format: "ofac_csv"}, p); !errors.Is(err, ErrFormat) {
		t.Fatalf("wrong format: %v", err)
	}
	if _, err := CompileWith(CompileOptions{Format: "nosuch"}, p); err == nil {
		t.Fatal("unknown format accepted")
	}
}

func compileSample(t testing.TB) *DB {
	db, err := CompileWith(CompileOptions{Lenient: true},
		sharedData(t, "ofac/sample_ofactest"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestOFACSample(t *testing.T) {
	db := compileSample(t)
	defer db.Close()
	lists, err := db.Lists()
	if err != nil {
		t.Fatal(err)
	}
	if len(lists) != 1 {
		t.Fatalf("%d lists", len(lists))
	}
	l := lists[0]
	if l.ID != "us_ofac_sdn" || l.Format != "ofac_csv" || l.Entities != 17 || l.Names != 46 ||
		len(l.Skipped) != 9 || l.Publisher != "US Treasury OFAC" ||
		l.SHA256 != "ba4ff91cb449c3e8185d52a66e19bb2fb6ee481c02e605ba09f837207fff992c" {
		t.Fatalf("list: %+v", l)
	}
	if l.Skipped[0].Line != 12 || !strings.Contains(l.Skipped[0].Reason, "12562") {
		t.Fatalf("skipped[0]: %+v", l.Skipped[0])
	}
	if db.EntityCount() != 17 {
		t.Fatalf("EntityCount %d", db.EntityCount())
	}
	e, err := db.Entity("us_ofac_sdn", "10278")
	if err != nil {
		t.Fatal(err)
	}
	names := e["names"].([]interface{})
	first := names[0].(map[string]interface{})
	if first["name"] != "LOGAN MOREY, Elvis Angus" || first["kind"] != "primary" || e["type"] != "person" {
		t.Fatalf("entity: %v", e)
	}
	idx, _ := db.Find("", "10278")
	nn, err := db.EntityNames(idx)
	if err != nil || len(nn) != 2 || nn[1] != (Name{"BURTON BURGESS", NameAKA}) {
		t.Fatalf("names %v %v", nn, err)
	}
	if _, err := db.Find("us_ofac_sdn", "999999999"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing entity: %v", err)
	}
	if _, err := db.EntityJSON(17); !errors.Is(err, ErrRange) {
		t.Fatalf("bad index: %v", err)
	}
	if _, err := db.EntityNames(-1); !errors.Is(err, ErrRange) {
		t.Fatalf("bad index: %v", err)
	}

	// Snapshot round trip.
	snap := filepath.Join(t.TempDir(), "sample.cdb")
	if err := db.Save(snap); err != nil {
		t.Fatal(err)
	}
	db2, err := Open(snap)
	if err != nil {
		t.Fatal(err)
	}
	lists2, _ := db2.Lists()
	if !reflect.DeepEqual(lists, lists2) {
		t.Fatalf("lists differ after reopen:\n%+v\n%+v", lists, lists2)
	}
	j1, _ := db.EntityJSON(idx)
	j2, _ := db2.EntityJSON(idx)
	if string(j1) != string(j2) {
		t.Fatal("entity JSON differs after reopen")
	}
	db2.Close()
	if _, err := db2.Lists(); !errors.Is(err, ErrState) {
		t.Fatalf("use after close: %v", err)
	}
	if err := db2.Close(); err != nil {
		t.Fatal("second close", err)
	}
}

func TestUNList(t *testing.T) {
	db, err := Compile(sharedData(t, "un/2026-02/UN_consolidated.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	lists, _ := db.Lists()
	if len(lists) != 1 || lists[0].ID != "un_sc" || lists[0].Entities != 1003 ||
		lists[0].Names != 4123 || lists[0].Date != "2026-02-27" {
		t.Fatalf("lists: %+v", lists)
	}
	e, err := db.Entity("un_sc", "YEe.001")
	if err != nil {
		t.Fatal(err)
	}
	if e["type"] != "organization" {
		t.Fatalf("entity %v", e)
	}
	nn, _ := db.EntityNames(1002)
	if nn[0].Text != "THE HOUTHIS" || nn[1] != (Name{"ANSARALLAH", NameAKA}) {
		t.Fatalf("names %v", nn)
	}
}

// Many goroutines share one db; every answer equals the single-threaded one.
func TestConcurrentDB(t *testing.T) {
	db, err := Compile(sharedData(t, "un/2026-02/UN_consolidated.xml"))
	if err != nil {
		t.Fatal(err)
	}
	n := db.EntityCount()
	want := make([]string, n)
	ids := make([]string, n)
	for i := 0; i < n; i++ {
		js, err := db.EntityJSON(i)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = string(js)
		nn, _ := db.EntityNames(i)
		ids[i] = nn[0].Text
	}
	const workers = 8
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for k := 0; k < n; k++ {
				i := (k*7 + w*131) % n
				js, err := db.EntityJSON(i)
				if err != nil || string(js) != want[i] {
					errs <- errorf(ErrState, "worker %d entity %d differs (%v)", w, i, err)
					return
				}
				nn, err := db.EntityNames(i)
				if err != nil || nn[0].Text != ids[i] {
					errs <- errorf(ErrState, "worker %d names %d differ", w, i)
					return
				}
				if c, ok := CountryISO2("North Korea"); !ok || c != "KP" {
					errs <- errorf(ErrState, "country")
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// Close while readers run: they either finish or see ErrState, never crash.
	var wg2 sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			for k := 0; k < 200; k++ {
				if _, err := db.EntityJSON(k % n); err != nil && !errors.Is(err, ErrState) {
					t.Error(err)
					return
				}
			}
		}()
	}
	db.Close()
	wg2.Wait()
}
