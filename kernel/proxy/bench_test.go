//go:build unix

package proxy

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/jupyter"
)

// BenchmarkAddedLatency measures what the proxy adds to a cell: the same
// execute_request (busy, execute_input, stream, execute_reply, idle, as
// gonb sends them, the proxy keeping the cells file) against a kernel
// directly and through the proxy,
// alternating so both see the same machine. added-µs/cell is the
// difference (goal: under 1000). On a loaded machine most of that is
// waiting for a core; proxy-cpu-µs/cell is the CPU the proxy spends per
// cell (this process's CPU time per proxied cell minus per direct cell),
// which load does not inflate.
func BenchmarkAddedLatency(b *testing.B) {
	f := startFake(b)
	dir, err := os.MkdirTemp(runtimeDir(), "fearless-bench-") // where the kernel keeps its cells file
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	_, front := startProxy(b, f, filepath.Join(dir, "cells.json"))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	direct, proxied := dial(b, f.info), dial(b, front)
	for _, c := range []*jupyter.Client{direct, proxied} {
		if _, err := c.WaitReady(ctx); err != nil {
			b.Fatal(err)
		}
	}
	run := func(c *jupyter.Client) (wall, cpu time.Duration) {
		cpu0 := cpuTime()
		start := time.Now()
		res, err := c.Execute(ctx, jupyter.ExecuteRequest{Code: "%%\nfmt.Println(1)"}, jupyter.ExecuteOptions{})
		if err != nil || !res.Idle || res.Reply.Status != "ok" {
			b.Fatalf("cell failed: %v %+v", err, res)
		}
		return time.Since(start), cpuTime() - cpu0
	}
	for range 20 { // warm up both paths
		run(direct)
		run(proxied)
	}
	var d, p, dCPU, pCPU time.Duration
	n := 0
	for b.Loop() {
		w, c := run(direct)
		d, dCPU = d+w, dCPU+c
		w, c = run(proxied)
		p, pCPU = p+w, pCPU+c
		n++
	}
	b.ReportMetric(float64(d.Microseconds())/float64(n), "direct-µs/cell")
	b.ReportMetric(float64(p.Microseconds())/float64(n), "proxied-µs/cell")
	b.ReportMetric(float64((p-d).Microseconds())/float64(n), "added-µs/cell")
	b.ReportMetric(float64((pCPU-dCPU).Microseconds())/float64(n), "proxy-cpu-µs/cell")
}

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
