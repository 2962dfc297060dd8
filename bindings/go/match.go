package cordon

/*
#include <stdlib.h>
#include <cordon/cordon.h>
*/
import "C"

import (
	"encoding/json"
	"runtime"
	"unsafe"
)

// Matcher is a reusable pairwise name matcher that can explain its last
// score. It belongs to one goroutine at a time; Match keeps a pool for you.
type Matcher struct {
	p   *C.cordon_matcher
	err *C.cordon_error // C-allocated: a Go cordon_error would escape to the heap per call
	out *C.double
}

// NewMatcher creates a matcher; Close it when done.
func NewMatcher() (*Matcher, error) {
	var cerr C.cordon_error
	m := &Matcher{}
	if rc := C.cordon_matcher_new(nil, &m.p, &cerr); rc != C.CORDON_OK {
		return nil, newError(rc, &cerr)
	}
	m.err = (*C.cordon_error)(C.malloc(C.sizeof_cordon_error))
	m.out = (*C.double)(C.malloc(C.sizeof_double))
	runtime.SetFinalizer(m, (*Matcher).Close)
	return m, nil
}

// Close releases the matcher.
func (m *Matcher) Close() error {
	if m.p != nil {
		C.cordon_matcher_free(m.p)
		C.free(unsafe.Pointer(m.err))
		C.free(unsafe.Pointer(m.out))
		m.p, m.err, m.out = nil, nil, nil
		runtime.SetFinalizer(m, nil)
	}
	return nil
}

// Score returns the calibrated score in [0, 1] that a (query) and b (list
// name) denote the same party; compare it with MatchThreshold.
func (m *Matcher) Score(a, b string, typ EntityType) (float64, error) {
	if m.p == nil {
		return 0, errorf(ErrState, "the matcher is closed")
	}
	ap, an := strArg(a)
	bp, bn := strArg(b)
	rc := C.cordon_matcher_score(m.p, ap, an, bp, bn, C.int(typ), m.out, m.err)
	runtime.KeepAlive(a)
	runtime.KeepAlive(b)
	if rc != C.CORDON_OK {
		return 0, newError(rc, m.err)
	}
	return float64(*m.out), nil
}

// Explain returns the explanation of the last score as JSON (token
// alignments, unmatched tokens, features, evidence, score).
func (m *Matcher) Explain() (json.RawMessage, error) {
	if m.p == nil {
		return nil, errorf(ErrState, "the matcher is closed")
	}
	var l C.size_t
	js := C.cordon_matcher_explain_json(m.p, &l)
	if js == nil {
		return nil, errorf(ErrState, "no score to explain yet")
	}
	return json.RawMessage(C.GoStringN(js, C.int(l))), nil
}

var matcherFree = make(chan *Matcher, 64)

// Match scores how likely two names denote the same party (calibrated, in
// [0, 1]). Safe for concurrent use: it takes a matcher from a bounded pool.
func Match(a, b string, typ EntityType) (float64, error) {
	var m *Matcher
	select {
	case m = <-matcherFree:
	default:
		var err error
		if m, err = NewMatcher(); err != nil {
			return 0, err
		}
	}
	s, err := m.Score(a, b, typ)
	select {
	case matcherFree <- m:
	default:
		m.Close()
	}
	return s, err
}

// MatchThreshold returns the default alert threshold for an entity type.
func MatchThreshold(typ EntityType) float64 {
	return float64(C.cordon_match_threshold(C.int(typ)))
}
