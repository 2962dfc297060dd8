//go:build ignore

// Go side of bench/bench_bindings.sh: the same calls as bench_bindings.c
// through cordon.dev/cordon. Prints "<op> <ns per call>" (best of ROUNDS).
//
//	bench_bindings_go UN_consolidated.xml|- RULES_DIR [ROUNDS [SEARCH_DB QUERIES]]
//
// Run by bench_bindings.sh inside a scratch module that replaces
// cordon.dev/cordon with bindings/go.
package main

import (
	"bufio"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"syscall"

	"cordon.dev/cordon"
)

// cpuNs is the process CPU time (user + system, all threads, so the GC
// counts): the machine is shared, wall time is not a measure.
func cpuNs() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func bestOf(rounds, n int, fn func()) float64 {
	best := 1e300
	for r := 0; r < rounds; r++ {
		t0 := cpuNs()
		fn()
		if d := float64(cpuNs()-t0) / float64(n); d < best {
			best = d
		}
	}
	return best
}

// benchSearch times DB.Search with default options on every query.
func benchSearch(dbPath, queriesPath string, rounds int) {
	db, err := cordon.Open(dbPath)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	f, err := os.Open(queriesPath)
	if err != nil {
		log.Fatal(err)
	}
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if sc.Text() != "" {
			qs = append(qs, sc.Text())
		}
	}
	f.Close()
	fmt.Printf("search %.0f\n", bestOf(rounds, len(qs), func() {
		for _, q := range qs {
			if _, err := db.Search(cordon.Party{Names: []string{q}}, cordon.SearchOptions{}); err != nil {
				log.Fatal(err)
			}
		}
	}))
}

func main() {
	un, rulesDir := os.Args[1], os.Args[2]
	rounds := 5
	if len(os.Args) > 3 {
		rounds, _ = strconv.Atoi(os.Args[3])
	}
	if len(os.Args) > 5 {
		benchSearch(os.Args[4], os.Args[5], rounds)
	}
	if un == "-" {
		return
	}
	db, err := cordon.Compile(un)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	names := make([]string, db.EntityCount())
	for i := range names {
		nn, _ := db.EntityNames(i)
		names[i] = nn[0].Text
	}
	fmt.Printf("analyze %.0f\n", bestOf(rounds, len(names), func() {
		for _, n := range names {
			if _, err := cordon.Analyze(n, cordon.TypeUnknown); err != nil {
				log.Fatal(err)
			}
		}
	}))
	fmt.Printf("match %.0f\n", bestOf(rounds, len(names), func() {
		for i, n := range names {
			if _, err := cordon.Match(n, names[(i*7+1)%len(names)], cordon.TypeUnknown); err != nil {
				log.Fatal(err)
			}
		}
	}))
	rules, err := cordon.NewRules(filepath.Join(rulesDir, "demo-rules.xml"),
		filepath.Join(rulesDir, "embargoes.xml"))
	if err != nil {
		log.Fatal(err)
	}
	defer rules.Close()
	base := []cordon.Item{
		{Description: "AD9208 analog-to-digital converter 14-bit 3 GSPS", TariffCode: "854239", Destination: "Germany"},
		{Description: "wooden garden bench", TariffCode: "940161", Destination: "France"},
		{Description: "office chairs", TariffCode: "940130", Destination: "Sevastopol, Crimea"},
		{Description: "analog-to-digital converter", TariffCode: "854231", Destination: "North Korea"},
	}
	const reps = 500
	fmt.Printf("classify %.0f\n", bestOf(rounds, reps*len(base), func() {
		for k := 0; k < reps*len(base); k++ {
			if _, err := rules.Classify(base[k%len(base)]); err != nil {
				log.Fatal(err)
			}
		}
	}))
}
