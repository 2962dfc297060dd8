package cordon

/*
#include <cordon/cordon.h>
*/
import "C"

import "fmt"

// Code is a libcordon result code (CORDON_E_*). A Code is itself an error,
// so the exported Err* constants work as targets of errors.Is.
type Code int

// Result codes. Each *Error returned by this package wraps one of them.
const (
	ErrInvalid  Code = C.CORDON_E_INVALID
	ErrNoMem    Code = C.CORDON_E_NOMEM
	ErrUTF8     Code = C.CORDON_E_UTF8
	ErrIO       Code = C.CORDON_E_IO
	ErrParse    Code = C.CORDON_E_PARSE
	ErrFormat   Code = C.CORDON_E_FORMAT
	ErrLimit    Code = C.CORDON_E_LIMIT
	ErrCorrupt  Code = C.CORDON_E_CORRUPT
	ErrVersion  Code = C.CORDON_E_VERSION
	ErrNotFound Code = C.CORDON_E_NOTFOUND
	ErrRegex    Code = C.CORDON_E_REGEX
	ErrEncoding Code = C.CORDON_E_ENCODING
	ErrRange    Code = C.CORDON_E_RANGE
	ErrState    Code = C.CORDON_E_STATE
)

// Error returns the library's static text for the code.
func (c Code) Error() string { return C.GoString(C.cordon_strerror(C.int(c))) }

// Error carries the fields of the C cordon_error of a failed call.
type Error struct {
	Code    Code   // CORDON_E_* code
	Detail  int    // dependency detail: errno, PCRE2 or libxml2 code; 0 if none
	Offset  int64  // byte offset into the input, or -1
	Line    int64  // 1-based line, or 0
	Column  int64  // 1-based column in bytes, or 0
	Message string // what and where (file name), from the library
}

func (e *Error) Error() string {
	if e.Message == "" {
		return "cordon: " + e.Code.Error()
	}
	return fmt.Sprintf("cordon: %s [%s]", e.Message, e.Code.Error())
}

// Unwrap returns the Code, so errors.Is(err, cordon.ErrParse) works.
func (e *Error) Unwrap() error { return e.Code }

func newError(rc C.int, cerr *C.cordon_error) error {
	e := &Error{Code: Code(rc), Offset: -1}
	if cerr != nil && cerr.code == C.int32_t(rc) {
		e.Detail = int(cerr.detail)
		e.Offset = int64(cerr.offset)
		e.Line = int64(cerr.line)
		e.Column = int64(cerr.column)
		e.Message = C.GoString(&cerr.message[0])
	}
	return e
}

func errorf(code Code, format string, args ...interface{}) error {
	return &Error{Code: code, Offset: -1, Message: fmt.Sprintf(format, args...)}
}
