// Command playpage writes the pages the browser test of explore.Play opens:
//
//	go run ./charts/internal/cmd/playpage DIR
//
// DIR/play-abba.html   the game of two threads taking two locks in opposite orders
// DIR/play-ring3.html  the game of three threads in a ring of three locks (the size cap cuts it)
// DIR/play.json        for each page: its output's size, positions, the failing schedule
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/fearless-go/fearless/helpers/explore"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: playpage DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "playpage:", err)
		os.Exit(1)
	}
}

// ring spawns n threads; thread i locks fork i, then fork i+1 (mod n).
func ring(n int) func() {
	return func() {
		forks := make([]*mutex.Mutex[int], n)
		for i := range forks {
			forks[i] = mutex.New(0, mutex.Name(fmt.Sprintf("fork-%d", i)))
		}
		var hs []*thread.JoinHandle[struct{}]
		for i := range n {
			hs = append(hs, thread.Go(func() {
				a := forks[i].MustLock()
				b := forks[(i+1)%n].MustLock()
				b.Unlock()
				a.Unlock()
			}, thread.Name(fmt.Sprintf("phil-%d", i))))
		}
		for _, h := range hs {
			h.Join()
		}
	}
}

// abba: alice takes left then right, bob right then left.
func abba() {
	left, right := mutex.New(0, mutex.Name("left")), mutex.New(0, mutex.Name("right"))
	take := func(first, second *mutex.Mutex[int]) func() {
		return func() {
			g1 := first.MustLock()
			g2 := second.MustLock()
			g2.Unlock()
			g1.Unlock()
		}
	}
	a := thread.Go(take(left, right), thread.Name("alice"))
	b := thread.Go(take(right, left), thread.Name("bob"))
	a.Join()
	b.Join()
}

type info struct {
	Bytes     int    `json:"bytes"`
	Positions int    `json:"positions"`
	Answer    string `json:"answer"`
	Cut       string `json:"cut"`
}

func run(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	out := map[string]info{}
	for name, fn := range map[string]func(){"play-abba": abba, "play-ring3": ring(3)} {
		g := explore.Play(fn)
		g.Title, g.ElementID = name, name
		o := g.Chart()
		page := "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + name + "</title></head>\n<body style=\"margin:16px\">\n" +
			o.HTML + "\n</body></html>\n"
		if err := os.WriteFile(filepath.Join(dir, name+".html"), []byte(page), 0o644); err != nil {
			return err
		}
		in := info{Bytes: o.Size(), Positions: len(g.Positions), Cut: g.Cut}
		if g.Answer >= 0 {
			in.Answer = g.Schedule(g.Answer)
		}
		out[name] = in
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "play.json"), b, 0o644)
}
