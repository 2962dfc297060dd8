package cordon

/*
#include <stdlib.h>
#include <cordon/cordon.h>
*/
import "C"

import (
	"encoding/json"
	"math"
	"runtime"
	"unsafe"
)

// Identifier is an identity document or registration number of a party.
type Identifier struct {
	Type    string // as the lists write it ("Passport", "IMO"); "" = any type
	Number  string // compared ignoring punctuation and case
	Country string // issuing country (ISO alpha-2); "" = unknown
}

// Party is a party to screen with DB.Search. Only Names is required; the
// other fields are evidence that raises or lowers a hit's score.
type Party struct {
	Names       []string     // UTF-8; the first is the main name; at most 16
	Type        EntityType   // TypeUnknown matches every type
	Countries   []string     // ISO 3166 codes or country names; at most 16
	DOB         string       // date of birth: "1952-10-07", "1952-10", "1952", "07 Oct 1952"
	Identifiers []Identifier // at most 16
}

// SearchOptions control DB.Search. The zero value gives the defaults.
type SearchOptions struct {
	Limit      int     // most hits returned (1..100000); 0 = 10
	Threshold  float64 // alert threshold in (0, 1]; 0 = the calibrated per-type threshold
	Exhaustive bool    // score every list name instead of index candidates (audits)
}

// Decision values of a Hit.
const (
	DecisionAlert = "alert" // at or above the alert threshold
	DecisionBelow = "below" // a near miss, up to 0.10 below the threshold
)

// Hit is one ranked hit of DB.Search: a listed entity whose best name
// matched the query.
type Hit struct {
	Score       float64         // calibrated score in [0, 1]
	Decision    string          // DecisionAlert or DecisionBelow
	List        string          // list id, e.g. "us_ofac_sdn"
	EntityID    string          // the entity's id as the list writes it
	EntityIndex int             // index in the db (DB.EntityJSON, DB.EntityNames)
	Name        string          // the list name that matched best
	PrimaryName string          // the entity's primary name
	ListDate    string          // publication date of the list ("" when not stated)
	ContentHash uint64          // changes whenever the entity's listing changes
	Explanation json.RawMessage // token alignments, features, evidence, score (JSON object)
}

// Alert reports whether the hit is at or above the alert threshold.
func (h *Hit) Alert() bool { return h.Decision == DecisionAlert }

// SearchName screens one name with default options (see Search).
func (db *DB) SearchName(name string, typ EntityType) ([]Hit, error) {
	return db.Search(Party{Names: []string{name}, Type: typ}, SearchOptions{})
}

// Search screens a party against every list of the db: candidates from the
// name index, calibrated scores with the party's evidence, the best name per
// entity, ranked by score (best first). It returns the alerts and the near
// misses up to 0.10 below the threshold. Bad input gives an *Error wrapping
// ErrUTF8 (with Offset), ErrInvalid (no name, unknown type or country, not a
// date) or ErrLimit. Safe for concurrent use.
func (db *DB) Search(q Party, o SearchOptions) ([]Hit, error) {
	var cerr C.cordon_error
	var opts *C.cordon_options
	if o.Limit != 0 || o.Threshold != 0 || o.Exhaustive {
		if rc := C.cordon_options_new(&opts, &cerr); rc != C.CORDON_OK {
			return nil, newError(rc, &cerr)
		}
		defer C.cordon_options_free(opts)
		limit, permille, exh := int64(10), int64(-1), int64(0)
		if o.Limit != 0 {
			limit = int64(o.Limit)
		}
		if o.Threshold != 0 {
			if !(o.Threshold > 0 && o.Threshold <= 1) {
				return nil, errorf(ErrRange, "threshold %v is not in (0, 1]", o.Threshold)
			}
			permille = int64(math.Round(o.Threshold * 1000))
		}
		if o.Exhaustive {
			exh = 1
		}
		for _, kv := range [3][2]int64{{C.CORDON_OPT_LIMIT, limit},
			{C.CORDON_OPT_THRESHOLD_PERMILLE, permille}, {C.CORDON_OPT_EXHAUSTIVE, exh}} {
			if rc := C.cordon_options_set_int(opts, C.int(kv[0]), C.int64_t(kv[1]),
				&cerr); rc != C.CORDON_OK {
				return nil, newError(rc, &cerr)
			}
		}
	}
	var party *C.cordon_party
	if rc := C.cordon_party_new(&party, nil, &cerr); rc != C.CORDON_OK {
		return nil, newError(rc, &cerr)
	}
	defer C.cordon_party_free(party)
	if err := fillParty(party, &q, &cerr); err != nil {
		return nil, err
	}
	p, err := db.acquire()
	if err != nil {
		return nil, err
	}
	defer db.release() // hit strings are owned by the db: copy them first
	var res *C.cordon_results
	if rc := C.cordon_screen_party(p, party, opts, &res, &cerr); rc != C.CORDON_OK {
		return nil, newError(rc, &cerr)
	}
	defer C.cordon_results_free(res)
	n := C.cordon_results_count(res)
	hits := make([]Hit, int(n))
	for i := C.size_t(0); i < n; i++ {
		h := &hits[i]
		h.Score = float64(C.cordon_results_score(res, i))
		h.Decision = DecisionBelow
		if C.cordon_results_decision(res, i) == C.CORDON_DECISION_ALERT {
			h.Decision = DecisionAlert
		}
		h.List = goStr(C.cordon_results_list(res, i))
		h.EntityID = goStr(C.cordon_results_entity_id(res, i))
		h.EntityIndex = int(C.cordon_results_entity_index(res, i))
		h.Name = goStr(C.cordon_results_name(res, i))
		h.PrimaryName = goStr(C.cordon_results_primary_name(res, i))
		h.ListDate = goStr(C.cordon_results_list_date(res, i))
		h.ContentHash = uint64(C.cordon_results_content_hash(res, i))
		var l C.size_t
		if ex := C.cordon_results_explanation(res, i, &l); ex != nil {
			h.Explanation = json.RawMessage(C.GoBytes(unsafe.Pointer(ex), C.int(l)))
		}
	}
	return hits, nil
}

func fillParty(party *C.cordon_party, q *Party, cerr *C.cordon_error) error {
	for _, name := range q.Names {
		np, nn := strArg(name)
		rc := C.cordon_party_add_name(party, np, nn, cerr)
		runtime.KeepAlive(name)
		if rc != C.CORDON_OK {
			return newError(rc, cerr)
		}
	}
	if q.Type != TypeUnknown {
		if rc := C.cordon_party_set_type(party, C.int(q.Type), cerr); rc != C.CORDON_OK {
			return newError(rc, cerr)
		}
	}
	// The remaining C parameters are NUL-terminated: copied (and checked for NUL).
	for _, c := range q.Countries {
		cs, err := cstrChecked(c, "country")
		if err != nil {
			return err
		}
		rc := C.cordon_party_add_country(party, cs, cerr)
		freeC(cs)
		if rc != C.CORDON_OK {
			return newError(rc, cerr)
		}
	}
	if q.DOB != "" {
		cs, err := cstrChecked(q.DOB, "date of birth")
		if err != nil {
			return err
		}
		rc := C.cordon_party_set_dob(party, cs, cerr)
		freeC(cs)
		if rc != C.CORDON_OK {
			return newError(rc, cerr)
		}
	}
	for _, id := range q.Identifiers {
		var t, num, country *C.char
		var err error
		if id.Type != "" {
			if t, err = cstrChecked(id.Type, "identifier type"); err != nil {
				return err
			}
		}
		if num, err = cstrChecked(id.Number, "identifier number"); err != nil {
			freeC(t)
			return err
		}
		if id.Country != "" {
			if country, err = cstrChecked(id.Country, "identifier country"); err != nil {
				freeC(t)
				freeC(num)
				return err
			}
		}
		rc := C.cordon_party_add_identifier(party, t, num, country, cerr)
		freeC(t)
		freeC(num)
		freeC(country)
		if rc != C.CORDON_OK {
			return newError(rc, cerr)
		}
	}
	return nil
}

// cstrChecked copies s into a C string, refusing embedded NUL bytes (which
// would silently cut a NUL-terminated parameter).
func cstrChecked(s, what string) (*C.char, error) {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			e := errorf(ErrInvalid, "NUL byte in %s", what).(*Error)
			e.Offset = int64(i)
			return nil, e
		}
	}
	return C.CString(s), nil
}
