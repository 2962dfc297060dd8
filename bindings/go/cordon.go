// Package cordon is the Go binding of libcordon, a sanctions and
// export-control screening library.
//
// The module path is cordon.dev/cordon. It is built with cgo against the C
// library found through pkg-config (package "cordon"); see README.md for
// building against an uninstalled build tree.
//
// A *DB is immutable and safe for concurrent use by any number of
// goroutines. Close it when done; a finalizer frees it only as a backstop.
// Errors are *Error values that wrap a Code, so errors.Is(err, ErrParse)
// and errors.As(err, &cerr) both work.
//
// Strings are passed to C as pointer + length without copying: the C side
// only reads them during the call (never retains them), which the cgo
// pointer rules allow for memory without Go pointers. Go 1.19 has no
// unsafe.StringData, so the data pointer is taken from reflect.StringHeader.
// NUL-terminated parameters of the C API (file paths, list ids) are copied
// with C.CString and freed after the call.
package cordon

/*
#cgo pkg-config: cordon
#include <stdlib.h>
#include <cordon/cordon.h>

const char cordon_go_empty[1] = "";
*/
import "C"

import (
	"reflect"
	"runtime"
	"unsafe"
)

// strArg returns a pointer to s's bytes and its length for a (ptr, len) C
// parameter. The pointer is valid while s is alive; callers keep s alive
// across the C call (runtime.KeepAlive). An empty string maps to a static ""
// so C never sees NULL.
func strArg(s string) (*C.char, C.size_t) {
	if len(s) == 0 {
		return &C.cordon_go_empty[0], 0
	}
	hdr := (*reflect.StringHeader)(unsafe.Pointer(&s))
	return (*C.char)(unsafe.Pointer(hdr.Data)), C.size_t(len(s))
}

// cstr copies s into a NUL-terminated C string (free with C.free); empty
// strings give NULL when nilIfEmpty.
func cstr(s string, nilIfEmpty bool) *C.char {
	if s == "" && nilIfEmpty {
		return nil
	}
	return C.CString(s)
}

func freeC(p *C.char) {
	if p != nil {
		C.free(unsafe.Pointer(p))
	}
}

func goStr(p *C.char) string {
	if p == nil {
		return ""
	}
	return C.GoString(p)
}

// Version returns the runtime library version, such as "0.1.0".
func Version() string { return goStr(C.cordon_version_string()) }

// VersionNumber returns the runtime version as major*10000 + minor*100 + patch.
func VersionNumber() uint32 { return uint32(C.cordon_version_number()) }

// Format describes one list format the library reads.
type Format struct {
	Name        string
	Description string
}

// Formats lists the list formats this library reads.
func Formats() []Format {
	var out []Format
	for i := C.uint32_t(0); ; i++ {
		var desc *C.char
		name := C.cordon_format_name(i, &desc)
		if name == nil {
			return out
		}
		out = append(out, Format{goStr(name), goStr(desc)})
	}
}

// CountryISO2 normalises a country given as an ISO 3166-1 code, ISO short
// name or common variant ("North Korea", "Türkiye") to its alpha-2 code.
// ok is false when the input is unknown or ambiguous.
func CountryISO2(country string) (iso2 string, ok bool) {
	p, n := strArg(country)
	r := C.cordon_country_iso2(p, n)
	runtime.KeepAlive(country)
	if r == nil {
		return "", false
	}
	return C.GoString(r), true
}

// CountryName returns the English ISO short name of an alpha-2 code.
func CountryName(iso2 string) (name string, ok bool) {
	c := C.CString(iso2)
	defer freeC(c)
	r := C.cordon_country_name(c)
	if r == nil {
		return "", false
	}
	return C.GoString(r), true
}

// CodeKind is a kind of tariff or control code (CORDON_CODE_*).
type CodeKind int

// Code kinds.
const (
	CodeAuto     CodeKind = C.CORDON_CODE_AUTO
	CodeHS       CodeKind = C.CORDON_CODE_HS
	CodeCN       CodeKind = C.CORDON_CODE_CN
	CodeHTS      CodeKind = C.CORDON_CODE_HTS
	CodeECCN     CodeKind = C.CORDON_CODE_ECCN
	CodeEUAnnex1 CodeKind = C.CORDON_CODE_EU_ANNEX1
	CodeUSML     CodeKind = C.CORDON_CODE_USML
)

// NormalizeCode checks and normalises a tariff or control code
// ("3a001a5a3" → "3A001.a.5.a.3", CodeECCN). Malformed codes give an
// *Error wrapping ErrParse with the offset and column of the bad character.
func NormalizeCode(code string, kind CodeKind) (string, CodeKind, error) {
	var out [128]C.char
	var detected C.int
	var cerr C.cordon_error
	p, n := strArg(code)
	rc := C.cordon_code_normalize(p, n, C.int(kind), nil, &out[0], C.size_t(len(out)),
		&detected, &cerr)
	runtime.KeepAlive(code)
	if rc != C.CORDON_OK {
		return "", 0, newError(rc, &cerr)
	}
	return C.GoString(&out[0]), CodeKind(detected), nil
}
