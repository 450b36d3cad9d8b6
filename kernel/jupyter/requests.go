package jupyter

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// KernelInfo asks the kernel who it is (kernel_info_request).
func (c *Client) KernelInfo(ctx context.Context) (*KernelInfo, error) {
	r, err := c.Request(ctx, Shell, "kernel_info_request", map[string]any{})
	if err != nil {
		return nil, err
	}
	var info KernelInfo
	if err := r.Decode(&info); err != nil {
		return nil, err
	}
	return &info, nil
}

// WaitReady waits until the kernel answers on shell and its iopub messages
// reach this client. ZeroMQ drops what a kernel publishes before the
// subscription is in place, so kernel_info_request is repeated until one of
// them shows up on iopub too (as Jupyter's own clients do).
func (c *Client) WaitReady(ctx context.Context) (*KernelInfo, error) {
	var info *KernelInfo
	for attempt := time.Duration(1); ; attempt++ {
		try, cancel := context.WithTimeout(ctx, min(attempt*250*time.Millisecond, 2*time.Second))
		got, err := c.KernelInfo(try)
		if err == nil {
			info = got
			select {
			case <-c.seen:
			case <-try.Done():
			}
		}
		cancel()
		select {
		case <-c.seen:
			if info != nil {
				return info, nil
			}
		default:
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("jupyter: kernel not ready: %w", ctx.Err())
		}
		if err := c.Err(); err != nil {
			return nil, err
		}
	}
}

// Complete asks for completions of code at the cursor (a count of Unicode
// code points, as protocol 5.2+ specifies).
func (c *Client) Complete(ctx context.Context, code string, cursorPos int) (*CompleteReply, error) {
	r, err := c.Request(ctx, Shell, "complete_request", map[string]any{"code": code, "cursor_pos": cursorPos})
	if err != nil {
		return nil, err
	}
	var reply CompleteReply
	return &reply, r.Decode(&reply)
}

// Inspect asks for documentation of what is at the cursor.
func (c *Client) Inspect(ctx context.Context, code string, cursorPos, detailLevel int) (*InspectReply, error) {
	r, err := c.Request(ctx, Shell, "inspect_request", map[string]any{
		"code": code, "cursor_pos": cursorPos, "detail_level": detailLevel,
	})
	if err != nil {
		return nil, err
	}
	var reply InspectReply
	return &reply, r.Decode(&reply)
}

// InterruptRequest sends interrupt_request on the control channel and waits
// for the reply. Kernels whose interrupt_mode is "signal" may not support it:
// use Kernel.Interrupt, which follows the kernelspec.
func (c *Client) InterruptRequest(ctx context.Context) error {
	r, err := c.Request(ctx, Control, "interrupt_request", map[string]any{})
	if err != nil {
		return err
	}
	return replyError(r)
}

// ShutdownRequest asks the kernel to exit (or restart) and waits for its
// reply on the control channel.
func (c *Client) ShutdownRequest(ctx context.Context, restart bool) error {
	r, err := c.Request(ctx, Control, "shutdown_request", map[string]any{"restart": restart})
	if err != nil {
		return err
	}
	return replyError(r)
}

// replyError turns a reply with status "error" into an error.
func replyError(r *Message) error {
	var st struct {
		Status string `json:"status"`
		Error
	}
	if err := r.Decode(&st); err != nil {
		return err
	}
	if st.Status == "error" {
		return fmt.Errorf("jupyter: %s: %s: %s", r.Type(), st.Ename, st.Evalue)
	}
	return nil
}

// ErrNoHeartbeat is returned by Heartbeat when the kernel does not echo.
var ErrNoHeartbeat = errors.New("jupyter: kernel did not answer the heartbeat")

// Heartbeat pings the kernel's heartbeat socket and waits for the echo. Once
// a ping goes unanswered the socket cannot be used again (ZeroMQ REQ
// sockets must alternate send and receive), and later calls fail at once.
func (c *Client) Heartbeat(ctx context.Context) error {
	c.hbMu.Lock()
	defer c.hbMu.Unlock()
	if c.hbStuck {
		return ErrNoHeartbeat
	}
	ping := []byte(newID())
	done := make(chan error, 1)
	c.readers.Add(1) // Close waits for it: closing the socket ends a stuck Recv
	go func() {
		defer c.readers.Done()
		if err := c.hb.send([][]byte{ping}); err != nil {
			done <- err
			return
		}
		pong, err := c.hb.zs.Recv()
		if err == nil && (len(pong.Frames) != 1 || string(pong.Frames[0]) != string(ping)) {
			err = fmt.Errorf("jupyter: heartbeat echoed %q, sent %q", pong.Frames, ping)
		}
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		c.hbStuck = true
		return fmt.Errorf("%w: %w", ErrNoHeartbeat, ctx.Err())
	}
}
