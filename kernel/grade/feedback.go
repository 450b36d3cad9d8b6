package grade

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"

	"github.com/fearless-go/fearless/helpers/check"
	"github.com/fearless-go/fearless/kernel/internal/atomicfile"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// write writes a submission's feedback notebook, its HTML, Gradescope's
// results.json and grade.json (what a re-run reads back).
func (g *grader) write(s *Submission, p *prepared) error {
	if err := os.MkdirAll(s.Dir, 0o755); err != nil {
		return err
	}
	fb := feedbackNotebook(s, p)
	if err := notebook.Write(filepath.Join(s.Dir, "feedback.ipynb"), fb); err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(s.Dir, "feedback.html"), []byte(feedbackHTML(s, p, fb)), 0o644); err != nil {
		return err
	}
	rj, err := json.MarshalIndent(s.Gradescope(), "", "  ")
	if err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(s.Dir, "results.json"), append(rj, '\n'), 0o644); err != nil {
		return err
	}
	s.Seal = seal(s, s.Dir)
	gj, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(s.Dir, "grade.json"), append(gj, '\n'), 0o644)
}

// Summary is the submission's grade as Markdown: the score, a line per
// exercise, a line per check, and what the grader did.
func (s *Submission) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Feedback: %s\n\n**Score: %s / %s**\n\n", s.Name, pts(s.Score), pts(s.MaxScore))
	if s.Problem != "" {
		fmt.Fprintf(&b, "The submission could not be graded as a notebook: %s\n\n", s.Problem)
	}
	b.WriteString("| exercise | points | why points were lost |\n|---|---|---|\n")
	for _, e := range s.Exercises {
		fmt.Fprintf(&b, "| %s | %s / %s | %s |\n", e.ID, pts(e.Score), pts(e.MaxScore), mdCell(e.Reason))
	}
	if len(s.Notes) > 0 {
		b.WriteString("\nWhat the grader did:\n\n")
		for _, n := range s.Notes {
			fmt.Fprintf(&b, "- %s\n", n)
		}
	}
	return b.String()
}

// exerciseMarkdown lists one exercise's checks.
func exerciseMarkdown(e *Exercise) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**Feedback — %s: %s / %s**\n\n", e.ID, pts(e.Score), pts(e.MaxScore))
	for _, c := range e.Checks {
		mark := "✓"
		if c.Status != check.StatusPassed {
			mark = "✗"
		}
		fmt.Fprintf(&b, "- %s %s (%s / %s)", mark, mdCell(c.Name), pts(c.Score), pts(c.MaxScore))
		if c.Message != "" {
			fmt.Fprintf(&b, ": %s", mdCell(strings.Join(strings.Fields(c.Message), " ")))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// feedbackNotebook is the graded notebook with the outputs of the run, the
// summary on top and each exercise's checks after its last check cell.
func feedbackNotebook(s *Submission, p *prepared) *notebook.Notebook {
	fb := &notebook.Notebook{NBFormat: 4, NBFormatMinor: 5, Metadata: map[string]any{}}
	if p.graded != nil {
		fb.NBFormatMinor, fb.Metadata = p.graded.NBFormatMinor, p.graded.Metadata
	}
	fb.Add(notebook.NewMarkdown(s.Summary()))
	last := map[string]int{}
	for gi, ex := range p.checkOf {
		last[ex.ID] = max(last[ex.ID], gi)
	}
	for gi, c := range p.graded.Cells {
		if p.extra[gi] {
			fb.Add(notebook.NewMarkdown("*A cell you added (it ran before the cells below):*"))
		}
		fb.Add(c)
		if ex := p.checkOf[gi]; ex != nil && last[ex.ID] == gi {
			for _, e := range s.Exercises {
				if e.ID == ex.ID {
					fb.Add(notebook.NewMarkdown(exerciseMarkdown(e)))
				}
			}
		}
	}
	return fb
}

// feedbackHTML renders the feedback as a page of its own (no scripts):
// the summary, then every cell with its text outputs; a check cell shows
// the block helpers/check draws from its verified result.
func feedbackHTML(s *Submission, p *prepared, fb *notebook.Notebook) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Feedback: ` + html.EscapeString(s.Name) + `</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
pre{background:#f6f8fa;padding:.6rem;overflow-x:auto;white-space:pre-wrap}.md{white-space:pre-wrap}
.out{background:#fff;border-left:3px solid #ddd}.err{border-left-color:#c33}.ok{color:#1a7f37}.bad{color:#c33}
.cell{margin:1rem 0}.note{color:#666;font-style:italic}</style></head><body>
`)
	fmt.Fprintf(&b, "<h1>Feedback: %s</h1>\n<p><b>Score: %s / %s</b></p>\n", html.EscapeString(s.Name), pts(s.Score), pts(s.MaxScore))
	if s.Problem != "" {
		fmt.Fprintf(&b, "<p class=bad>The submission could not be graded as a notebook: %s</p>\n", html.EscapeString(s.Problem))
	}
	b.WriteString("<table><tr><th>exercise</th><th>check</th><th>points</th><th>why</th></tr>\n")
	for _, e := range s.Exercises {
		for i, c := range e.Checks {
			cls, mark := "ok", "✓"
			if c.Status != check.StatusPassed {
				cls, mark = "bad", "✗"
			}
			ex := ""
			if i == 0 {
				ex = fmt.Sprintf("<b>%s</b><br>%s / %s", html.EscapeString(e.ID), pts(e.Score), pts(e.MaxScore))
			}
			fmt.Fprintf(&b, "<tr><td>%s</td><td class=%s>%s %s</td><td>%s / %s</td><td>%s</td></tr>\n", ex, cls, mark,
				html.EscapeString(c.Name), pts(c.Score), pts(c.MaxScore), html.EscapeString(c.Message))
		}
	}
	b.WriteString("</table>\n")
	if len(s.Notes) > 0 {
		b.WriteString("<p>What the grader did:</p><ul>\n")
		for _, n := range s.Notes {
			fmt.Fprintf(&b, "<li>%s</li>\n", html.EscapeString(n))
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("<h2>Your notebook, as graded</h2>\n<p class=note>Only declaration, solution and check cells run when grading; demo cells show no output.</p>\n")
	for gi, c := range p.graded.Cells {
		b.WriteString("<div class=cell>")
		switch c.CellType {
		case notebook.Code:
			if p.extra[gi] {
				b.WriteString("<p class=note>A cell you added:</p>")
			}
			fmt.Fprintf(&b, "<pre>%s</pre>", html.EscapeString(c.Source))
			for _, o := range c.Outputs {
				b.WriteString(outputHTML(o, p.checkOf[gi] != nil, p.keys[gi]))
			}
		default:
			fmt.Fprintf(&b, "<div class=md>%s</div>", html.EscapeString(c.Source))
		}
		b.WriteString("</div>\n")
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

// outputHTML renders one output as escaped text; a check cell's verified
// result as helpers/check's own block.
func outputHTML(o *notebook.Output, isCheck bool, key string) string {
	switch o.OutputType {
	case notebook.Stream:
		cls := "out"
		if o.Name == "stderr" {
			cls = "out err"
		}
		return fmt.Sprintf("<pre class=%q>%s</pre>", cls, html.EscapeString(clip(o.Text, 20000)))
	case notebook.Error:
		return fmt.Sprintf("<pre class=\"out err\">%s: %s</pre>", html.EscapeString(o.Ename), html.EscapeString(clip(o.Evalue, 20000)))
	}
	if v, ok := o.Data[check.ResultMIME]; ok && isCheck {
		if r, err := check.DecodeResult(v); err == nil && r.Verify(key) {
			return check.HTML(r)
		}
	}
	if t, ok := o.Data["text/plain"].(string); ok {
		return fmt.Sprintf("<pre class=out>%s</pre>", html.EscapeString(clip(t, 20000)))
	}
	return ""
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "\n… (clipped)"
	}
	return s
}

func mdCell(s string) string {
	s = strings.ReplaceAll(s, "|", "\\|")
	return strings.ReplaceAll(s, "\n", " ")
}

// pts prints points as nbgrader does, without a needless ".0".
func pts(p float64) string {
	s := fmt.Sprintf("%.2f", p)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}
