package cordon

/*
#include <cordon/cordon.h>
*/
import "C"

import (
	"runtime"
)

// EntityType is an entity type hint (CORDON_TYPE_*).
type EntityType int

// Entity types.
const (
	TypeUnknown      EntityType = C.CORDON_TYPE_UNKNOWN
	TypePerson       EntityType = C.CORDON_TYPE_PERSON
	TypeOrganization EntityType = C.CORDON_TYPE_ORGANIZATION
	TypeVessel       EntityType = C.CORDON_TYPE_VESSEL
	TypeAircraft     EntityType = C.CORDON_TYPE_AIRCRAFT
)

// TokenKind is the kind of a name token (CORDON_TOKEN_*).
type TokenKind int

// Token kinds.
const (
	TokenWord      TokenKind = C.CORDON_TOKEN_WORD
	TokenLegal     TokenKind = C.CORDON_TOKEN_LEGAL
	TokenHonorific TokenKind = C.CORDON_TOKEN_HONORIFIC
	TokenParticle  TokenKind = C.CORDON_TOKEN_PARTICLE
	TokenStopword  TokenKind = C.CORDON_TOKEN_STOPWORD
	TokenNumber    TokenKind = C.CORDON_TOKEN_NUMBER
	TokenInitial   TokenKind = C.CORDON_TOKEN_INITIAL
)

// Token is one token of an analysed name.
type Token struct {
	Text       string    // normalized text
	Kind       TokenKind // word, legal form, honorific, ...
	LegalClass string    // canonical legal-form class ("LLC", ...) or ""
	Script     string    // "latin", "cyrillic", ...
	Skeleton   string    // folded key on which romanization variants meet
	Phonetic   [2]string // Double Metaphone primary and alternate keys
	Offset     int       // byte offset in the input
	Length     int       // byte length in the input
}

// Analysis is a name analysed the way the matcher sees it.
type Analysis struct {
	Normalized string
	Tokens     []Token
	JSON       string // the library's JSON rendering
}

func goStrN(p *C.char, n C.size_t) string {
	if p == nil {
		return ""
	}
	return C.GoStringN(p, C.int(n))
}

// Analyze normalises, transliterates, tokenizes and types a name. Invalid
// UTF-8 gives an error wrapping ErrUTF8 with Offset at the first bad byte.
func Analyze(name string, typ EntityType) (*Analysis, error) {
	a := getAnalysis()
	defer putAnalysis(a)
	var cerr C.cordon_error
	p, n := strArg(name)
	rc := C.cordon_analyze_name(p, n, C.int(typ), nil, &a.p, &cerr)
	runtime.KeepAlive(name)
	if rc != C.CORDON_OK {
		return nil, newError(rc, &cerr)
	}
	return readAnalysis(a.p)
}

// analysisHandle is a reusable C analysis (its buffers are kept between
// calls). Handles are handed to one goroutine at a time through a bounded
// free list; a plain sync.Pool would drop them without freeing C memory.
type analysisHandle struct{ p *C.cordon_analysis }

var analysisFree = make(chan *analysisHandle, 64)

func getAnalysis() *analysisHandle {
	select {
	case a := <-analysisFree:
		return a
	default:
		return &analysisHandle{}
	}
}

func putAnalysis(a *analysisHandle) {
	select {
	case analysisFree <- a:
	default:
		C.cordon_analysis_free(a.p)
	}
}

func readAnalysis(a *C.cordon_analysis) (*Analysis, error) {
	var l, off C.size_t
	out := &Analysis{}
	out.Normalized = goStrN(C.cordon_analysis_normalized(a, &l), l)
	count := C.cordon_analysis_token_count(a)
	out.Tokens = make([]Token, 0, int(count))
	for i := C.size_t(0); i < count; i++ {
		var t Token
		t.Text = goStrN(C.cordon_analysis_token_text(a, i, &l), l)
		t.Kind = TokenKind(C.cordon_analysis_token_kind(a, i))
		t.LegalClass = goStr(C.cordon_analysis_token_legal_class(a, i))
		t.Script = goStr(C.cordon_analysis_token_script(a, i))
		t.Skeleton = goStrN(C.cordon_analysis_token_skeleton(a, i, &l), l)
		t.Phonetic[0] = goStrN(C.cordon_analysis_token_phonetic(a, i, 0, &l), l)
		t.Phonetic[1] = goStrN(C.cordon_analysis_token_phonetic(a, i, 1, &l), l)
		C.cordon_analysis_token_span(a, i, &off, &l)
		t.Offset, t.Length = int(off), int(l)
		out.Tokens = append(out.Tokens, t)
	}
	js := C.cordon_analysis_json(a, &l)
	if js == nil {
		return nil, newError(C.CORDON_E_NOMEM, nil)
	}
	out.JSON = C.GoStringN(js, C.int(l))
	return out, nil
}
