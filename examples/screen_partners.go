//go:build ignore

// screen_partners screens a partner file (CSV: name,type,country) against
// sanctions lists with the cordon Go binding (module cordon.dev/cordon).
//
//	go run screen_partners.go LISTS.cdb|LIST_FILE... -- partners.csv
//
// It prints one line per partner (ALERT or clear, the name, the best hit)
// and exits 1 when any partner alerts. Run it from a module that requires
// cordon.dev/cordon (replace => path/to/bindings/go).
package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"strings"

	"cordon.dev/cordon"
)

var types = map[string]cordon.EntityType{"person": cordon.TypePerson,
	"organization": cordon.TypeOrganization, "vessel": cordon.TypeVessel,
	"aircraft": cordon.TypeAircraft}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "screen_partners:", err)
	os.Exit(2)
}

func main() {
	args := os.Args[1:]
	if len(args) < 3 || args[len(args)-2] != "--" {
		fmt.Fprintln(os.Stderr, "usage: screen_partners LISTS.cdb|LIST_FILE... -- partners.csv")
		os.Exit(2)
	}
	sources := args[:len(args)-2]
	var db *cordon.DB
	var err error
	if len(sources) == 1 && strings.HasSuffix(sources[0], ".cdb") {
		db, err = cordon.Open(sources[0])
	} else {
		db, err = cordon.Compile(sources...)
	}
	if err != nil {
		fail(err)
	}
	defer db.Close()
	f, err := os.Open(args[len(args)-1])
	if err != nil {
		fail(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		fail(err)
	}
	flagged := 0
	for _, row := range rows[1:] { // header: name,type,country
		q := cordon.Party{Names: row[:1]}
		if len(row) > 1 {
			q.Type = types[row[1]]
		}
		if len(row) > 2 && row[2] != "" {
			q.Countries = row[2:3]
		}
		hits, err := db.Search(q, cordon.SearchOptions{Limit: 1})
		if err != nil {
			fail(err)
		}
		if len(hits) > 0 && hits[0].Alert() {
			h := hits[0]
			flagged++
			fmt.Printf("ALERT  %-32s  %s %s %q (score %.2f)\n", row[0], h.List, h.EntityID,
				h.PrimaryName, h.Score)
		} else {
			fmt.Printf("clear  %s\n", row[0])
		}
	}
	if flagged > 0 {
		db.Close()
		os.Exit(1)
	}
}
