package explore

import (
	"crypto/rand"
	_ "embed"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"strings"

	"github.com/fearless-go/fearless/charts"
)

//go:embed play.js
var playJS string

// Show displays the game in the notebook cell: the learner is the
// scheduler and clicks the thread that moves next, until the program ends
// (a deadlock with its cycle, a panic, a failed Failf, or a clean finish).
// Undo, restart and "show me a failing schedule" are there, and the
// schedule so far is shown as the string Replay takes. Every position is
// in the output itself, so it plays without the kernel: in a saved
// notebook reopened (trusted), in an HTML export, offline. Where scripts
// cannot run, the output's static picture shows a failing schedule and
// says how to play. Outside a notebook it prints the text summary.
//
//	explore.Play(f).Show()
func (g *Game) Show() { g.Chart().Display() }

// Chart renders the game in the three forms of a chart output: the
// interactive HTML (self-contained: no library, no kernel round-trip), a
// static SVG of the explorer's failing schedule, and a text summary.
func (g *Game) Chart() *charts.Output {
	if len(g.Positions) == 0 {
		return &charts.Output{Text: "explore: an empty game (make one with explore.Play)\n"}
	}
	id := g.ElementID
	if id == "" {
		var b [6]byte
		_, _ = rand.Read(b[:])
		id = "fearless-play-" + hex.EncodeToString(b[:])
	}
	title := g.Title
	if title == "" {
		title = "play the scheduler"
	}
	data, err := gameJSON(g, title)
	if err != nil { // cannot happen: numbers and strings only
		return &charts.Output{Text: err.Error()}
	}
	static := playSVG(g, title)
	idJSON, _ := json.Marshal(id)
	var b strings.Builder
	fmt.Fprintf(&b, `<div id="%s" class="fearless-play" style="max-width:1100px;font-family:sans-serif;font-size:13px">`, id)
	fmt.Fprintf(&b, `<img class="fearless-play-static" alt="%s (static picture: run the cell, or trust the notebook, to play)" style="max-width:100%%" src="data:image/svg+xml;base64,%s">`,
		html.EscapeString(title), base64.StdEncoding.EncodeToString(static))
	b.WriteString(`</div><script type="text/javascript">`)
	script := "(function () {\nvar ID = " + string(idJSON) + ";\nvar GAME = " + string(data) + ";\n" + playJS + "\n})();"
	b.WriteString(strings.ReplaceAll(script, "</", `<\/`))
	b.WriteString(`</script>`)
	return &charts.Output{HTML: b.String(), SVG: static, Text: playText(g)}
}

// gameJSON encodes the game compactly: every string once, in a table, and
// each position as an array of numbers (see play.js for the layout).
func gameJSON(g *Game, title string) ([]byte, error) {
	idx := map[string]int{}
	var table []string
	str := func(s string) int {
		if i, ok := idx[s]; ok {
			return i
		}
		idx[s] = len(table)
		table = append(table, s)
		return len(table) - 1
	}
	str("")
	status := map[string]int{"ready": 0, "blocked": 1, "done": 2}
	pos := make([][]any, len(g.Positions))
	for i, p := range g.Positions {
		steps := make([]int, 0, 4*len(p.Steps))
		for _, s := range p.Steps {
			steps = append(steps, s.Thread, str(s.Op), str(s.At), str(s.Code))
		}
		threads := make([]int, 0, 5*len(p.Threads))
		for _, t := range p.Threads {
			threads = append(threads, status[t.Status], str(t.Op), str(t.At), str(t.Code), str(t.Why))
		}
		locks := make([]int, len(p.Locks))
		for j, l := range p.Locks {
			locks[j] = str(l)
		}
		var end any = 0
		if e := p.End; e != nil {
			kind := "finished"
			if e.Kind != 0 {
				kind = e.Kind.String()
			}
			cycle := make([]int, len(e.Cycle))
			for j, c := range e.Cycle {
				cycle[j] = str(c)
			}
			end = []any{str(kind), str(e.Message), cycle}
		}
		pos[i] = []any{p.Parent, p.Thread, steps, threads, locks, p.Next, p.Preemptions, end}
	}
	letters := make([]string, len(g.Threads))
	for i := range letters {
		letters[i] = Letter(i)
	}
	return json.Marshal(map[string]any{
		"title": title, "threads": g.Threads, "letters": letters, "strings": table, "pos": pos,
		"answer": g.Answer, "bound": g.Bound, "cut": g.Cut, "ends": g.Ends, "failed": g.Failed,
	})
}

// answerPath returns the positions from the start to the answer (or to the
// end reached without preemptions when nothing fails).
func answerPath(g *Game) []int {
	end := g.Answer
	if end < 0 {
		end = 0
		for g.Positions[end].End == nil {
			next := -1
			for _, n := range g.Positions[end].Next {
				if n > end {
					next = n
					break
				}
			}
			if next < 0 {
				break
			}
			end = next
		}
	}
	var path []int
	for i := end; i >= 0; i = g.Positions[i].Parent {
		path = append([]int{i}, path...)
	}
	return path
}

func playText(g *Game) string {
	var b strings.Builder
	b.WriteString("Play the scheduler (interactive where the notebook is trusted: run the cell, or File > Trust Notebook)\n")
	b.WriteString(g.String() + "\n")
	if g.Answer >= 0 {
		b.WriteString("its steps:\n")
		for _, i := range answerPath(g) {
			for _, s := range g.Positions[i].Steps {
				fmt.Fprintf(&b, "  %s %s: %s  %s\n", Letter(s.Thread), g.Threads[s.Thread], s.Op, s.At)
			}
		}
		for _, c := range g.Positions[g.Answer].End.Cycle {
			b.WriteString("  cycle: " + c + "\n")
		}
	}
	return b.String()
}

// playSVG draws the static picture: how to play, and the steps of the
// explorer's failing schedule in one column per thread.
func playSVG(g *Game, title string) []byte {
	type row struct {
		thread int
		text   string
	}
	var rows []row
	for _, i := range answerPath(g) {
		for _, s := range g.Positions[i].Steps {
			t := s.Op
			if s.At != "" {
				t += " · " + s.At
			}
			rows = append(rows, row{s.Thread, t})
		}
	}
	const maxRows = 60
	more := 0
	if len(rows) > maxRows {
		more = len(rows) - maxRows
		rows = rows[len(rows)-maxRows:]
	}
	colW, rowH, top := 260, 18, 96
	n := max(len(g.Threads), 1)
	width := max(40+colW*n, 640)
	var endLines []string
	if g.Answer >= 0 {
		end := g.Positions[g.Answer].End
		endLines = append(endLines, end.Kind.String()+": "+firstLine(end.Message))
		endLines = append(endLines, end.Cycle...)
	}
	height := top + rowH*(len(rows)+1) + 18*len(endLines) + 24
	var w strings.Builder
	fmt.Fprintf(&w, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`, width, height, width, height)
	fmt.Fprintf(&w, `<rect width="%d" height="%d" fill="#ffffff"/>`, width, height)
	text := func(x, y int, attrs, s string) {
		fmt.Fprintf(&w, `<text x="%d" y="%d" %s>%s</text>`, x, y, attrs, html.EscapeString(s))
	}
	text(10, 20, `font-weight="bold" font-size="14"`, title)
	text(10, 40, `fill="#444"`, "Interactive where scripts run: run this cell in JupyterLab, or trust the notebook (File ▸ Trust Notebook),")
	text(10, 56, `fill="#444"`, "then click the thread that moves next. Here (static): "+summaryLine(g))
	if g.Cut != "" {
		text(10, 72, `fill="#a60"`, "note: "+g.Cut)
	}
	for i, name := range g.Threads {
		text(20+i*colW, top-6, `font-weight="bold"`, Letter(i)+" · "+name)
	}
	palette := []string{"#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452", "#9a60b4"}
	for r, rw := range rows {
		y := top + r*rowH
		x := 16 + rw.thread*colW
		fmt.Fprintf(&w, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s" opacity="0.25"/>`, x, y, colW-8, rowH-2, palette[rw.thread%len(palette)])
		s := rw.text
		if len([]rune(s)) > 40 {
			s = string([]rune(s)[:39]) + "…"
		}
		text(x+4, y+13, "", s)
	}
	y := top + rowH*len(rows) + 16
	if more > 0 {
		text(16, y, `fill="#666"`, fmt.Sprintf("(the first %d steps are not drawn)", more))
		y += 18
	}
	for _, l := range endLines {
		text(16, y, `fill="#c23531"`, l)
		y += 18
	}
	w.WriteString(`</svg>`)
	return []byte(w.String())
}

func summaryLine(g *Game) string {
	if g.Answer >= 0 {
		return "the explorer's failing schedule " + g.Schedule(g.Answer)
	}
	if g.Cut != "" {
		return "no failing schedule among the positions explored"
	}
	return "no schedule fails: every end is a clean finish"
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
