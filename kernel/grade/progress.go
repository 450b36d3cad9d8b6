package grade

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/fearless-go/fearless/kernel/progress"
)

// progressView shows grading as it goes: a redrawn bar on a terminal, a
// line per submission elsewhere, or JSON lines (one object per event:
// "start", "graded", "done") for scripts.
type progressView struct {
	mu      sync.Mutex
	w       io.Writer
	json    bool
	bar     bool
	total   int
	done    int
	running []string
	start   time.Time
	stop    chan struct{}
	wg      sync.WaitGroup
	once    sync.Once
}

func newProgress(w io.Writer, asJSON bool, total int) *progressView {
	p := &progressView{w: w, json: asJSON, total: total, start: time.Now(), stop: make(chan struct{})}
	if w == nil {
		p.w = io.Discard
	}
	if f, ok := w.(*os.File); ok && !asJSON && progress.IsTerminal(f) {
		p.bar = true
		p.wg.Add(1)
		go p.tick()
	}
	p.event(map[string]any{"event": "start", "submissions": total})
	return p
}

func (p *progressView) tick() {
	defer p.wg.Done()
	t := time.NewTicker(500 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.mu.Lock()
			p.draw()
			p.mu.Unlock()
		}
	}
}

func (p *progressView) event(v map[string]any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.emit(v)
}

// emit writes a JSON event; p.mu is held.
func (p *progressView) emit(v map[string]any) {
	if !p.json {
		return
	}
	raw, _ := json.Marshal(v)
	fmt.Fprintf(p.w, "%s\n", raw)
}

func (p *progressView) started(name string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.running = append(p.running, name)
	if p.bar {
		p.draw()
	}
}

func (p *progressView) finished(s *Submission) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	p.emit(map[string]any{"event": "graded", "name": s.Name, "score": s.Score, "max_score": s.MaxScore,
		"status": s.Status, "cached": s.Cached, "seconds": s.Seconds, "done": p.done, "total": p.total})
	for i, n := range p.running {
		if n == s.Name {
			p.running = append(p.running[:i], p.running[i+1:]...)
			break
		}
	}
	if p.json {
		return
	}
	t := fmt.Sprintf("%.1fs", s.Seconds)
	if s.Cached {
		t = "cached"
	}
	line := fmt.Sprintf("[%d/%d] %s: %s/%s (%s)", p.done, p.total, s.Name, pts(s.Score), pts(s.MaxScore), t)
	if n := s.note(); n != "" {
		line += " — " + clipTo(n, 90)
	}
	if p.bar {
		fmt.Fprintf(p.w, "\r\x1b[2K%s\n", line)
		p.draw()
		return
	}
	fmt.Fprintln(p.w, line)
}

func (p *progressView) draw() {
	width := 30
	filled := 0
	if p.total > 0 {
		filled = p.done * width / p.total
	}
	fmt.Fprintf(p.w, "\r\x1b[2K[%s%s] %d/%d submissions  %s  %s", strings.Repeat("█", filled), strings.Repeat("░", width-filled),
		p.done, p.total, time.Since(p.start).Round(time.Second), clipTo(strings.Join(p.running, ", "), 40))
}

// summary ends the progress: the table (or, in JSON, a "done" event).
func (p *progressView) summary(c *Class) {
	p.close()
	if p.json {
		p.event(map[string]any{"event": "done", "submissions": len(c.Submissions), "seconds": c.Duration.Seconds(), "gradebook": c.Out + "/gradebook.csv"})
	}
}

func (p *progressView) close() {
	p.once.Do(func() {
		close(p.stop)
		p.wg.Wait()
		if p.bar {
			p.mu.Lock()
			fmt.Fprint(p.w, "\r\x1b[2K")
			p.mu.Unlock()
		}
	})
}
