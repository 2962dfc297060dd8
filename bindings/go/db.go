package cordon

/*
#include <stdlib.h>
#include <cordon/cordon.h>
*/
import "C"

import (
	"encoding/json"
	"runtime"
	"sync"
	"unsafe"
)

// DB is an immutable db of sanctions lists, built from list files
// (Compile) or opened from a snapshot (Open). It is safe for concurrent use
// by many goroutines. Close waits for calls in flight; later calls return
// an error wrapping ErrState.
type DB struct {
	mu sync.RWMutex // read-held during every C call; write-held by Close
	p  *C.cordon_db
}

func newDB(p *C.cordon_db) *DB {
	db := &DB{p: p}
	runtime.SetFinalizer(db, (*DB).Close)
	return db
}

// acquire read-locks the db and returns its handle, or fails when closed.
func (db *DB) acquire() (*C.cordon_db, error) {
	db.mu.RLock()
	if db.p == nil {
		db.mu.RUnlock()
		return nil, errorf(ErrState, "the db is closed")
	}
	return db.p, nil
}

func (db *DB) release() { db.mu.RUnlock() }

// Close releases the db. It waits for calls running in other goroutines.
// Closing twice is allowed.
func (db *DB) Close() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.p != nil {
		C.cordon_db_free(db.p)
		db.p = nil
		runtime.SetFinalizer(db, nil)
	}
	return nil
}

// Open opens a snapshot file written by DB.Save or `cordon compile`.
// Errors wrap ErrIO, ErrCorrupt or ErrVersion.
func Open(path string) (*DB, error) {
	cpath := C.CString(path)
	defer freeC(cpath)
	var p *C.cordon_db
	var cerr C.cordon_error
	if rc := C.cordon_db_open(cpath, nil, &p, &cerr); rc != C.CORDON_OK {
		return nil, newError(rc, &cerr)
	}
	return newDB(p), nil
}

// CompileOptions control Compile.
type CompileOptions struct {
	Lenient bool   // skip malformed rows (counted in List.Skipped) instead of failing
	Format  string // format name for every path (see Formats); "" = detect
	ListID  string // list id to record for every path; "" = the format's default
}

// Compile builds a db from list files, or folders holding a multi-file set
// (such as OFAC's sdn.csv/add.csv/alt.csv/sdn_comments.csv), in strict mode.
func Compile(paths ...string) (*DB, error) {
	return CompileWith(CompileOptions{}, paths...)
}

// CompileWith is Compile with options. Parse errors name the file and
// carry Line, Column and Offset.
func CompileWith(o CompileOptions, paths ...string) (*DB, error) {
	var cerr C.cordon_error
	var opts *C.cordon_options
	if rc := C.cordon_options_new(&opts, &cerr); rc != C.CORDON_OK {
		return nil, newError(rc, &cerr)
	}
	defer C.cordon_options_free(opts)
	strict := C.int64_t(1)
	if o.Lenient {
		strict = 0
	}
	if rc := C.cordon_options_set_int(opts, C.CORDON_OPT_STRICT, strict, &cerr); rc != C.CORDON_OK {
		return nil, newError(rc, &cerr)
	}
	var b *C.cordon_builder
	if rc := C.cordon_builder_new(&b, opts, &cerr); rc != C.CORDON_OK {
		return nil, newError(rc, &cerr)
	}
	defer C.cordon_builder_free(b)
	format := cstr(o.Format, true)
	defer freeC(format)
	listID := cstr(o.ListID, true)
	defer freeC(listID)
	for _, path := range paths {
		cpath := C.CString(path)
		rc := C.cordon_builder_add_file(b, cpath, format, listID, &cerr)
		freeC(cpath)
		if rc != C.CORDON_OK {
			return nil, newError(rc, &cerr)
		}
	}
	var p *C.cordon_db
	if rc := C.cordon_builder_finish(b, &p, &cerr); rc != C.CORDON_OK {
		return nil, newError(rc, &cerr)
	}
	return newDB(p), nil
}

// Save writes the db as one snapshot file, atomically replaced.
func (db *DB) Save(path string) error {
	p, err := db.acquire()
	if err != nil {
		return err
	}
	defer db.release()
	cpath := C.CString(path)
	defer freeC(cpath)
	var cerr C.cordon_error
	if rc := C.cordon_db_save(p, cpath, &cerr); rc != C.CORDON_OK {
		return newError(rc, &cerr)
	}
	return nil
}

// SkippedRow is one row skipped while loading a list in lenient mode.
type SkippedRow struct {
	Line   int64
	Reason string
}

// List is the provenance and counts of one list in a db.
type List struct {
	Index     int
	ID        string // e.g. "us_ofac_sdn"
	Publisher string
	Date      string // publication date read from the file ("" if absent)
	Source    string // file name(s) it was loaded from
	SHA256    string // hex SHA-256 of the file(s)
	Format    string // parser format name
	Entities  int
	Names     int
	Skipped   []SkippedRow
}

// Lists returns the provenance of every list in the db.
func (db *DB) Lists() ([]List, error) {
	p, err := db.acquire()
	if err != nil {
		return nil, err
	}
	defer db.release()
	n := C.cordon_db_list_count(p)
	out := make([]List, 0, int(n))
	for i := C.uint32_t(0); i < n; i++ {
		f := func(k C.int) string { return goStr(C.cordon_db_list_field(p, i, k)) }
		var ent, names, skipped C.uint32_t
		C.cordon_db_list_counts(p, i, &ent, &names, &skipped)
		l := List{Index: int(i), ID: f(C.CORDON_LIST_ID), Publisher: f(C.CORDON_LIST_PUBLISHER),
			Date: f(C.CORDON_LIST_DATE), Source: f(C.CORDON_LIST_SOURCE),
			SHA256: f(C.CORDON_LIST_SHA256), Format: f(C.CORDON_LIST_FORMAT),
			Entities: int(ent), Names: int(names)}
		for j := C.uint32_t(0); j < skipped; j++ {
			var line C.int64_t
			var reason *C.char
			if C.cordon_db_list_skipped(p, i, j, &line, &reason) == C.CORDON_OK {
				l.Skipped = append(l.Skipped, SkippedRow{int64(line), goStr(reason)})
			}
		}
		out = append(out, l)
	}
	return out, nil
}

// EntityCount returns the total number of entities.
func (db *DB) EntityCount() int {
	p, err := db.acquire()
	if err != nil {
		return 0
	}
	defer db.release()
	return int(C.cordon_db_entity_count(p))
}

// Find returns the index of an entity given its list id ("" for any list)
// and its id within the list. A missing entity gives an error wrapping
// ErrNotFound.
func (db *DB) Find(listID, entityID string) (int, error) {
	p, err := db.acquire()
	if err != nil {
		return 0, err
	}
	defer db.release()
	clist := cstr(listID, true)
	defer freeC(clist)
	cid := C.CString(entityID)
	defer freeC(cid)
	var idx C.uint32_t
	var cerr C.cordon_error
	if rc := C.cordon_db_entity_find(p, clist, cid, &idx, &cerr); rc != C.CORDON_OK {
		return 0, newError(rc, &cerr)
	}
	return int(idx), nil
}

// EntityJSON returns everything listed about the entity at index as JSON.
func (db *DB) EntityJSON(index int) ([]byte, error) {
	p, err := db.acquire()
	if err != nil {
		return nil, err
	}
	defer db.release()
	if index < 0 || index > 0xFFFFFFFF {
		return nil, errorf(ErrRange, "entity index %d out of range", index)
	}
	size := C.size_t(4096)
	for {
		buf := (*C.char)(C.malloc(size))
		var needed C.size_t
		var cerr C.cordon_error
		rc := C.cordon_db_entity_json(p, C.uint32_t(index), buf, size, &needed, &cerr)
		if rc != C.CORDON_OK {
			C.free(unsafe.Pointer(buf))
			return nil, newError(rc, &cerr)
		}
		if needed < size {
			out := C.GoBytes(unsafe.Pointer(buf), C.int(needed))
			C.free(unsafe.Pointer(buf))
			return out, nil
		}
		C.free(unsafe.Pointer(buf))
		size = needed + 1
	}
}

// Entity returns everything listed about one entity (names, dates of
// birth, countries, identifiers, programs, addresses, remarks, provenance)
// decoded from the library's JSON.
func (db *DB) Entity(listID, entityID string) (map[string]interface{}, error) {
	idx, err := db.Find(listID, entityID)
	if err != nil {
		return nil, err
	}
	js, err := db.EntityJSON(idx)
	if err != nil {
		return nil, err
	}
	var m map[string]interface{}
	if err := json.Unmarshal(js, &m); err != nil {
		return nil, err
	}
	return m, nil
}

// NameKind is the kind of an entity's name (CORDON_NAME_*).
type NameKind int

// Name kinds.
const (
	NamePrimary  NameKind = C.CORDON_NAME_PRIMARY
	NameAKA      NameKind = C.CORDON_NAME_AKA
	NameFKA      NameKind = C.CORDON_NAME_FKA
	NameWeak     NameKind = C.CORDON_NAME_WEAK
	NameOriginal NameKind = C.CORDON_NAME_ORIGINAL
)

// Name is one name of an entity.
type Name struct {
	Text string
	Kind NameKind
}

// EntityNames returns the names of the entity at index, primary first.
func (db *DB) EntityNames(index int) ([]Name, error) {
	p, err := db.acquire()
	if err != nil {
		return nil, err
	}
	defer db.release()
	if index < 0 || index > 0xFFFFFFFF || C.cordon_db_entity_id(p, C.uint32_t(index)) == nil {
		return nil, errorf(ErrRange, "entity index %d out of range", index)
	}
	n := C.cordon_db_entity_name_count(p, C.uint32_t(index))
	out := make([]Name, 0, int(n))
	for i := C.uint32_t(0); i < n; i++ {
		var kind C.int
		s := C.cordon_db_entity_name(p, C.uint32_t(index), i, &kind)
		out = append(out, Name{goStr(s), NameKind(kind)})
	}
	return out, nil
}
