// Command compare measures helpers/explore against Rust's loom and shuttle
// on the same programs, in the same run, and prints the ratios as a
// Markdown table. `make bench` builds the Rust side (../Cargo.toml) and runs
// it from the repository's root:
//
//	go run ./helpers/explore/rustbench/compare [-bin PATH] [-seeds N]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"time"

	"github.com/fearless-go/fearless/helpers/explore"
	"github.com/fearless-go/fearless/helpers/explore/internal/programs"
)

// measure is one line of the Rust side's output.
type measure struct {
	Tool    string  `json:"tool"`
	Mode    string  `json:"mode"`
	Program string  `json:"program"`
	Runs    int     `json:"runs"`
	Seeds   []int   `json:"seeds"`
	Seconds float64 `json:"seconds"`
	Found   bool    `json:"found"`
}

var (
	bin   = flag.String("bin", "helpers/explore/rustbench/target/release/explorebench", "the Rust side, built by cargo")
	seeds = flag.Int("seeds", 50, "seeds for the random and PCT searches")
	rate  = flag.Int("schedules", 1000, "schedules per batch for the throughput of random and PCT")
)

// minTime is how long each rate is measured, on both sides.
const minTime = 300 * time.Millisecond

// throughput runs batches of schedules for at least minTime: schedules/s.
func throughput(mk func(seed uint64) *explore.Explorer, fn func()) float64 {
	n, t0 := 0, time.Now()
	for seed := uint64(1); n == 0 || time.Since(t0) < minTime; seed++ {
		n += mk(seed).Schedules(*rate).Run(fn).Schedules
	}
	return perSec(n, time.Since(t0).Seconds())
}

func rust(args ...string) measure {
	cmd := exec.Command(*bin, args...)
	out, err := cmd.Output() // stderr (shuttle's failing schedules) is dropped
	if err != nil {
		fmt.Fprintf(os.Stderr, "compare: %s %v: %v\n", *bin, args, err)
		os.Exit(1)
	}
	var m measure
	if err := json.Unmarshal(out, &m); err != nil {
		fmt.Fprintf(os.Stderr, "compare: %s %v printed %q: %v\n", *bin, args, out, err)
		os.Exit(1)
	}
	return m
}

func median(xs []int) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return float64(s[len(s)/2])
	}
	return float64(s[len(s)/2-1]+s[len(s)/2]) / 2
}

func perSec(n int, secs float64) float64 { return float64(n) / secs }

func main() {
	flag.Parse()
	fixed := []struct {
		name string
		fn   func()
	}{
		{"counter-locked", programs.CounterLocked},
		{"abba-ordered", programs.ABBA(true)},
		{"philosophers3-ordered", programs.Philosophers(3, true)},
		{"philosophers5-ordered", programs.Philosophers(5, true)},
	}
	buggy := []struct {
		name string
		fn   func()
	}{
		{"counter-racy", programs.CounterRacy},
		{"abba", programs.ABBA(false)},
		{"philosophers3", programs.Philosophers(3, false)},
		{"philosophers5", programs.Philosophers(5, false)},
	}

	fmt.Println("## Proving the fixed programs: exhaustive, preemption bound 2 (Fearless) vs loom, LOOM_MAX_PREEMPTIONS=2")
	fmt.Println()
	fmt.Println("| program | Fearless schedules | loom executions | Fearless schedules/s | loom executions/s | rate ratio |")
	fmt.Println("|---|---:|---:|---:|---:|---:|")
	for _, p := range fixed {
		var res *explore.Result
		proofs, t0 := 0, time.Now()
		for proofs == 0 || time.Since(t0) < minTime { // repeated, for a steady rate
			res = explore.Exhaustive(2).Run(p.fn)
			proofs++
		}
		perProof := time.Since(t0).Seconds() / float64(proofs)
		if !res.OK() || !res.Complete {
			fmt.Fprintf(os.Stderr, "compare: %s: %v\n", p.name, res)
			os.Exit(1)
		}
		l := rust("loom-prove", p.name)
		ours, theirs := perSec(res.Schedules, perProof), perSec(l.Runs, l.Seconds)
		fmt.Printf("| %s | %d | %d | %.0f | %.0f | %.2f× |\n", p.name, res.Schedules, l.Runs, ours, theirs, ours/theirs)
	}

	fmt.Println()
	fmt.Println("## Throughput on the fixed programs: random and PCT (depth 2) vs shuttle's, batches of schedules for at least 0.3 s")
	fmt.Println()
	fmt.Println("| program | Fearless random /s | shuttle random /s | ratio | Fearless PCT /s | shuttle PCT /s | ratio |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|")
	for _, p := range fixed {
		a := throughput(func(seed uint64) *explore.Explorer { return explore.Random(seed) }, p.fn)
		x := throughput(func(seed uint64) *explore.Explorer { return explore.PCT(2, seed) }, p.fn)
		sr := rust("shuttle-rate", p.name, "random", strconv.Itoa(*rate))
		sp := rust("shuttle-rate", p.name, "pct", strconv.Itoa(*rate))
		b, y := perSec(sr.Runs, sr.Seconds), perSec(sp.Runs, sp.Seconds)
		fmt.Printf("| %s | %.0f | %.0f | %.2f× | %.0f | %.0f | %.2f× |\n", p.name, a, b, a/b, x, y, x/y)
	}

	fmt.Println()
	fmt.Printf("## Finding the bugs: schedules until the first failure (random and PCT: median over %d seeds)\n\n", *seeds)
	fmt.Println("| program | Fearless exhaustive | loom | Fearless random | shuttle random | Fearless PCT | shuttle PCT |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|")
	for _, p := range buggy {
		ex := explore.Exhaustive(2).Run(p.fn)
		l := rust("loom-find", p.name)
		var rnd, pct []int
		for s := range *seeds {
			rnd = append(rnd, found(explore.Random(uint64(s)).Schedules(100_000).Run(p.fn)))
			pct = append(pct, found(explore.PCT(2, uint64(s)).Schedules(100_000).Run(p.fn)))
		}
		sr := rust("shuttle-find", p.name, "random", strconv.Itoa(*seeds))
		sp := rust("shuttle-find", p.name, "pct", strconv.Itoa(*seeds))
		fmt.Printf("| %s | %d | %s | %.1f | %.1f | %.1f | %.1f |\n", p.name, found(ex), loomFound(l),
			median(rnd), median(sr.Seeds), median(pct), median(sp.Seeds))
	}
	fmt.Printf("\n(%s, %s)\n", time.Now().UTC().Format(time.RFC3339), "2 cores shared; numbers vary run to run")
}

func found(r *explore.Result) int {
	if r.Failure == nil {
		return 0
	}
	return r.Failure.Execution
}

func loomFound(m measure) string {
	if !m.Found {
		return "not found"
	}
	return strconv.Itoa(m.Runs)
}
