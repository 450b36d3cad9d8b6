package runner

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/fearless-go/fearless/kernel/jupyter"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// reinterruptEvery is how often an interrupted cell that keeps running is
// interrupted again: an interrupt that lands while gonb is still compiling
// is lost, the next one reaches the program.
const reinterruptEvery = 3 * time.Second

// execution is one notebook's run in one kernel.
type execution struct {
	opts     Options
	kernel   *jupyter.Kernel
	displays map[string][]*notebook.Output
	dead     error // set when the kernel is gone: the rest of the notebook cannot run
}

// run executes one cell and fills in its result and outputs.
func (x *execution) run(ctx context.Context, cell *notebook.Cell, res *CellResult) {
	limitHit := make(chan struct{})
	var limitOnce sync.Once
	col := newCollector(cell, res, x.opts.OutputLimit, x.displays, func() {
		limitOnce.Do(func() { close(limitHit) })
	})

	// The cell gets Timeout, then InterruptGrace to stop; after that, or when
	// the kernel process exits, its context ends.
	cellCtx, cancel := context.WithTimeoutCause(ctx, x.opts.Timeout+x.opts.InterruptGrace, errStuck)
	defer cancel()
	done := make(chan struct{})
	var timedOut bool
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		select {
		case <-x.kernel.Exited():
			cancel()
		case <-done:
		}
	}()
	go func() {
		defer wg.Done()
		timedOut = x.interruptWhenDue(ctx, done, limitHit)
	}()

	start := time.Now()
	reply, err := x.kernel.Client().Execute(cellCtx, jupyter.ExecuteRequest{Code: cell.Source}, jupyter.ExecuteOptions{OnMessage: col.handle})
	close(done)
	wg.Wait()
	res.Duration = time.Since(start)
	col.finish()

	count := col.inputCount
	if reply != nil && reply.Replied {
		count = &reply.Reply.ExecutionCount
	}
	cell.ExecutionCount, res.ExecutionCount = count, count

	switch {
	case err != nil:
		x.kernelGone(ctx, cell, res, err, timedOut)
	case col.limited:
		res.Status = OutputLimit
		res.Note = fmt.Sprintf("output limit exceeded: more than %s of output; the cell was interrupted", bytesize(x.opts.OutputLimit))
		x.fail(cell, res, "OutputLimitExceeded")
	case timedOut:
		res.Status = TimedOut
		res.Note = fmt.Sprintf("timed out after %s; the cell was interrupted", x.opts.Timeout)
		x.fail(cell, res, "CellTimeoutError")
	case reply.Reply.Status == "ok" && res.Error == nil:
		res.Status = OK
	default:
		res.Status = Failed
		if res.Error == nil {
			r := reply.Reply
			res.Error = &ErrorInfo{Name: r.Ename, Value: r.Evalue, Traceback: r.Traceback}
			if r.Status == "aborted" {
				res.Note = "aborted by the kernel"
			}
		}
		res.Diagnostics = diagnose(cell.Outputs)
	}
	res.Outputs = cell.Outputs
}

var errStuck = errors.New("the kernel did not finish the cell after it was interrupted")

// interruptWhenDue waits for the timeout or the output limit, then
// interrupts the kernel every few seconds until the cell is done. It reports
// whether the timeout fired.
func (x *execution) interruptWhenDue(ctx context.Context, done, limitHit <-chan struct{}) (timedOut bool) {
	timer := time.NewTimer(x.opts.Timeout)
	defer timer.Stop()
	select {
	case <-done:
		return false
	case <-timer.C:
		timedOut = true
	case <-limitHit:
	}
	tick := time.NewTicker(reinterruptEvery)
	defer tick.Stop()
	for {
		ictx, cancel := context.WithTimeout(ctx, reinterruptEvery)
		_ = x.kernel.Interrupt(ictx)
		cancel()
		select {
		case <-done:
			return timedOut
		case <-tick.C:
		}
	}
}

// fail marks the cell with an error output saying what the runner did.
func (x *execution) fail(cell *notebook.Cell, res *CellResult, ename string) {
	res.Error = &ErrorInfo{Name: ename, Value: res.Note, Traceback: []string{ename + ": " + res.Note}}
	cell.Outputs = append(cell.Outputs, notebook.NewError(ename, res.Note, res.Error.Traceback))
}

// kernelGone handles a cell during which the kernel died or stopped
// answering: the cell fails and the notebook cannot go on.
func (x *execution) kernelGone(ctx context.Context, cell *notebook.Cell, res *CellResult, err error, timedOut bool) {
	res.Status = KernelDied
	if x.exited(ctx) {
		res.Note = fmt.Sprintf("the kernel died (%v)", x.kernel.ExitErr())
		if log := strings.TrimSpace(x.kernel.Log()); log != "" {
			res.Note += "; the end of its log: " + lastLines(log, 3)
		}
	} else {
		switch {
		case ctx.Err() != nil:
			res.Note = fmt.Sprintf("run stopped: %v", context.Cause(ctx))
		case timedOut:
			res.Status = TimedOut
			res.Note = fmt.Sprintf("timed out after %s, and the kernel did not stop the cell within %s of being interrupted; the kernel was stopped", x.opts.Timeout, x.opts.InterruptGrace)
		default:
			res.Note = fmt.Sprintf("lost the kernel: %v", err)
		}
		_ = x.kernel.Kill()
	}
	x.fail(cell, res, "DeadKernelError")
	x.dead = fmt.Errorf("%s: %s", res.Name(), res.Note)
}

// exited reports whether the kernel process has ended. A lost connection
// usually means the process is exiting: give it a moment to be reaped.
func (x *execution) exited(ctx context.Context) bool {
	wait := time.NewTimer(2 * time.Second)
	defer wait.Stop()
	select {
	case <-x.kernel.Exited():
		return true
	case <-ctx.Done():
	case <-wait.C:
	}
	select {
	case <-x.kernel.Exited():
		return true
	default:
		return false
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}
