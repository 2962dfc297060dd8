//go:build ignore

// screen_partners screens a partner file (CSV: name,type,country) against
// sanctions lists with the cordon Go binding (module cordon.dev/cordon).
//
//	go run screen_partners.go LISTS.cdb|LIST_FILE... -- partners.csv
//
// It prints one line per partner (decision, name, strongest reason) and
// exits 1 when any partner needs review or is blocked. Run it from a module
// that requires cordon.dev/cordon (replace => path/to/bindings/go).
package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"cordon.dev/cordon"
)

func main() {
	args := os.Args[1:]
	sep := -1
	for i, a := range args {
		if a == "--" {
			sep = i
		}
	}
	if sep <= 0 || sep != len(args)-2 {
		fmt.Fprintln(os.Stderr, "usage: screen_partners LISTS.cdb|LIST_FILE... -- partners.csv")
		os.Exit(2)
	}
	var db *cordon.DB
	var err error
	if sep == 1 && strings.HasSuffix(args[0], ".cdb") {
		db, err = cordon.Open(args[0])
	} else {
		db, err = cordon.Compile(args[:sep]...)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "screen_partners:", err)
		os.Exit(2)
	}
	defer db.Close()
	f, err := os.Open(args[sep+1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "screen_partners:", err)
		os.Exit(2)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) == 0 {
		fmt.Fprintln(os.Stderr, "screen_partners: bad CSV:", err)
		os.Exit(2)
	}
	flagged := 0
	for _, row := range rows[1:] { // header: name,type,country
		party := map[string]string{"role": "partner", "name": row[0], "type": "unknown"}
		if len(row) > 1 && row[1] != "" {
			party["type"] = row[1]
		}
		if len(row) > 2 && row[2] != "" {
			party["country"] = row[2]
		}
		txn, _ := json.Marshal(map[string]interface{}{"id": row[0],
			"parties": []interface{}{party}})
		v, err := db.ScreenTxn(txn, nil)
		if err != nil {
			fmt.Fprintln(os.Stderr, "screen_partners:", err)
			os.Exit(2)
		}
		why := ""
		if len(v.Reasons) > 0 {
			why = v.Reasons[0].Text
		}
		fmt.Printf("%-6s  %-32s  %s\n", v.Decision, row[0], why)
		if v.Decision != "CLEAR" {
			flagged++
		}
	}
	if flagged > 0 {
		os.Exit(1)
	}
}
