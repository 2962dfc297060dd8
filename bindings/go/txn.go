package cordon

/*
#include <cordon/cordon.h>
*/
import "C"

import (
	"encoding/json"
	"runtime"
)

// Reason is one reason behind a verdict.
type Reason struct {
	Code     string          // "PARTY_MATCH", "EMBARGO", "CONTROLLED_ITEM", ...
	Decision string          // "CLEAR", "REVIEW" or "BLOCK"
	Text     string          // human-readable
	Evidence json.RawMessage // JSON object, with the list version decided against
}

// Verdict is the decision on one transaction.
type Verdict struct {
	ID       string
	Decision string // "CLEAR", "REVIEW" or "BLOCK"
	Reasons  []Reason
	JSON     string // the library's JSON rendering
}

// ScreenTxn screens a transaction given as a JSON object (id, origin,
// destination, transit, parties, items; see the C API) against the db's
// lists and rules (rules nil: the rules stored in the db). Malformed JSON or
// unknown fields give an error wrapping ErrParse.
func (db *DB) ScreenTxn(txnJSON []byte, rules *Rules) (*Verdict, error) {
	p, err := db.acquire()
	if err != nil {
		return nil, err
	}
	defer db.release()
	return screenTxn(p, rules, txnJSON)
}

// ScreenTxn screens a transaction without lists (countries and items only).
func ScreenTxn(txnJSON []byte, rules *Rules) (*Verdict, error) {
	return screenTxn(nil, rules, txnJSON)
}

func screenTxn(db *C.cordon_db, rules *Rules, txnJSON []byte) (*Verdict, error) {
	var rp *C.cordon_rules
	if rules != nil {
		rules.mu.RLock()
		defer rules.mu.RUnlock()
		if rules.p == nil {
			return nil, errorf(ErrState, "the rules are closed")
		}
		rp = rules.p
	}
	var t *C.cordon_txn
	var cerr C.cordon_error
	s := string(txnJSON) // one copy; C reads it as (ptr, len)
	sp, sn := strArg(s)
	rc := C.cordon_txn_parse_json(sp, sn, nil, &t, &cerr)
	runtime.KeepAlive(s)
	if rc != C.CORDON_OK {
		return nil, newError(rc, &cerr)
	}
	defer C.cordon_txn_free(t)
	var v *C.cordon_verdict
	if rc := C.cordon_screen_txn(db, rp, t, nil, &v, &cerr); rc != C.CORDON_OK {
		return nil, newError(rc, &cerr)
	}
	defer C.cordon_verdict_free(v)
	out := &Verdict{ID: goStr(C.cordon_verdict_id(v)),
		Decision: goStr(C.cordon_verdict_decision_name(C.cordon_verdict_decision(v)))}
	n := C.cordon_verdict_reason_count(v)
	for i := C.size_t(0); i < n; i++ {
		ev := goStr(C.cordon_verdict_reason_evidence(v, i))
		if ev == "" {
			ev = "{}"
		}
		out.Reasons = append(out.Reasons, Reason{
			Code:     goStr(C.cordon_verdict_reason_code(v, i)),
			Decision: goStr(C.cordon_verdict_decision_name(C.cordon_verdict_reason_decision(v, i))),
			Text:     goStr(C.cordon_verdict_reason_text(v, i)),
			Evidence: json.RawMessage(ev),
		})
	}
	var l C.size_t
	js := C.cordon_verdict_json(v, &l)
	if js == nil {
		return nil, newError(C.CORDON_E_NOMEM, nil)
	}
	out.JSON = C.GoStringN(js, C.int(l))
	return out, nil
}
