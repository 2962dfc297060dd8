package cordon

/*
#include <stdlib.h>
#include <cordon/cordon.h>
*/
import "C"

import (
	"runtime"
	"sort"
	"sync"
)

// Rules holds loaded rule packs (control lists, code lists, embargo rules)
// for item classification. Load files first (AddFile is not safe to call
// concurrently with anything); afterwards Classify is safe for concurrent
// use by many goroutines.
type Rules struct {
	mu sync.RWMutex
	p  *C.cordon_rules
}

// NewRules creates a rules set and loads rule files into it (rule-pack XML
// or code-list CSV/TSV, format detected).
func NewRules(paths ...string) (*Rules, error) {
	var p *C.cordon_rules
	var cerr C.cordon_error
	if rc := C.cordon_rules_new(&p, nil, &cerr); rc != C.CORDON_OK {
		return nil, newError(rc, &cerr)
	}
	r := &Rules{p: p}
	runtime.SetFinalizer(r, (*Rules).Close)
	for _, path := range paths {
		if err := r.AddFile(path, "", ""); err != nil {
			r.Close()
			return nil, err
		}
	}
	return r, nil
}

// AddFile loads a rule pack (format "rules_xml") or a code list table
// ("code_list": code, tier or label, description); format "" detects it.
// listID names a code list ("" = the file name).
func (r *Rules) AddFile(path, format, listID string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.p == nil {
		return errorf(ErrState, "the rules are closed")
	}
	cpath := C.CString(path)
	defer freeC(cpath)
	cformat := cstr(format, true)
	defer freeC(cformat)
	clist := cstr(listID, true)
	defer freeC(clist)
	var cerr C.cordon_error
	if rc := C.cordon_rules_add_file(r.p, cpath, cformat, clist, &cerr); rc != C.CORDON_OK {
		return newError(rc, &cerr)
	}
	return nil
}

// Counts returns the number of control entries and of embargo rules.
func (r *Rules) Counts() (entries, embargoes int) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.p == nil {
		return 0, 0
	}
	return int(C.cordon_rules_entry_count(r.p)), int(C.cordon_rules_embargo_count(r.p))
}

// Close releases the rules; it waits for classifications in flight.
func (r *Rules) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.p != nil {
		C.cordon_rules_free(r.p)
		r.p = nil
		runtime.SetFinalizer(r, nil)
	}
	return nil
}

// Item is a traded item to classify. Empty fields are not set.
type Item struct {
	Description string            // free text; numbers with units are extracted
	TariffCode  string            // HS (6), CN (8) or HTS (10 digit)
	ControlCode string            // declared ECCN, EU Annex I or USML code
	Params      map[string]string // e.g. {"sample_rate": "1.5 GSPS"}
	Destination string            // country or place ("Sevastopol, Crimea")
}

// Candidate is one control entry the item may fall under.
type Candidate struct {
	List       string
	Code       string
	Title      string
	Tier       string
	Legal      string
	Confidence float64
	Reason     string // "declared", "hs_prefix", "text", "parameter", "declared_unknown"
	Evidence   string
	Missing    string // facts missing to decide; "" when none
}

// Embargo is an embargo finding for the item's destination.
type Embargo struct {
	Text  string
	Block bool // true: the rule blocks; false: it asks for review
}

// Classification is the result of Rules.Classify.
type Classification struct {
	Candidates []Candidate // strongest first
	Embargoes  []Embargo
	JSON       string // the library's JSON rendering
}

type itemSetter func(*C.cordon_item, *C.char, C.size_t, *C.cordon_error) C.int

// Classify classifies an item. Damaged codes or unreadable parameter values
// give an error wrapping ErrParse.
func (r *Rules) Classify(it Item) (*Classification, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.p == nil {
		return nil, errorf(ErrState, "the rules are closed")
	}
	var item *C.cordon_item
	var cerr C.cordon_error
	if rc := C.cordon_item_new(&item, nil, &cerr); rc != C.CORDON_OK {
		return nil, newError(rc, &cerr)
	}
	defer C.cordon_item_free(item)
	set := func(v string, f itemSetter) error {
		if v == "" {
			return nil
		}
		p, n := strArg(v)
		rc := f(item, p, n, &cerr)
		runtime.KeepAlive(v)
		if rc != C.CORDON_OK {
			return newError(rc, &cerr)
		}
		return nil
	}
	for _, s := range []struct {
		v string
		f itemSetter
	}{
		{it.Description, func(i *C.cordon_item, p *C.char, n C.size_t, e *C.cordon_error) C.int {
			return C.cordon_item_set_description(i, p, n, e)
		}},
		{it.TariffCode, func(i *C.cordon_item, p *C.char, n C.size_t, e *C.cordon_error) C.int {
			return C.cordon_item_set_tariff_code(i, p, n, e)
		}},
		{it.ControlCode, func(i *C.cordon_item, p *C.char, n C.size_t, e *C.cordon_error) C.int {
			return C.cordon_item_set_control_code(i, p, n, e)
		}},
		{it.Destination, func(i *C.cordon_item, p *C.char, n C.size_t, e *C.cordon_error) C.int {
			return C.cordon_item_set_destination(i, p, n, e)
		}},
	} {
		if err := set(s.v, s.f); err != nil {
			return nil, err
		}
	}
	keys := make([]string, 0, len(it.Params))
	for k := range it.Params {
		keys = append(keys, k)
	}
	sort.Strings(keys) // deterministic order of errors
	for _, k := range keys {
		ck, cv := C.CString(k), C.CString(it.Params[k])
		rc := C.cordon_item_set_param(item, ck, cv, &cerr)
		freeC(ck)
		freeC(cv)
		if rc != C.CORDON_OK {
			return nil, newError(rc, &cerr)
		}
	}
	var c *C.cordon_classification
	if rc := C.cordon_classify(r.p, item, &c, &cerr); rc != C.CORDON_OK {
		return nil, newError(rc, &cerr)
	}
	defer C.cordon_classification_free(c)
	out := &Classification{}
	n := C.cordon_classification_count(c)
	for i := C.size_t(0); i < n; i++ {
		out.Candidates = append(out.Candidates, Candidate{
			List:       goStr(C.cordon_classification_list(c, i)),
			Code:       goStr(C.cordon_classification_code(c, i)),
			Title:      goStr(C.cordon_classification_title(c, i)),
			Tier:       goStr(C.cordon_classification_tier(c, i)),
			Legal:      goStr(C.cordon_classification_legal(c, i)),
			Confidence: float64(C.cordon_classification_confidence(c, i)),
			Reason:     goStr(C.cordon_classification_reason(c, i)),
			Evidence:   goStr(C.cordon_classification_evidence(c, i)),
			Missing:    goStr(C.cordon_classification_missing(c, i)),
		})
	}
	ne := C.cordon_classification_embargo_count(c)
	for i := C.size_t(0); i < ne; i++ {
		var block C.int
		text := goStr(C.cordon_classification_embargo(c, i, &block))
		out.Embargoes = append(out.Embargoes, Embargo{text, block != 0})
	}
	var l C.size_t
	js := C.cordon_classification_json(c, &l)
	if js == nil {
		return nil, newError(C.CORDON_E_NOMEM, nil)
	}
	out.JSON = C.GoStringN(js, C.int(l))
	return out, nil
}
