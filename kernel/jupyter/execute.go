package jupyter

import (
	"context"
	"fmt"
	"time"
)

// QuietAfterReply is how long Execute waits, after the execute_reply, for
// more iopub messages when the kernel never reports "idle". Every new message
// restarts the wait, so a long stream of output still arrives whole.
const QuietAfterReply = 5 * time.Second

// ExecuteOptions says what to do with a request's messages while it runs.
type ExecuteOptions struct {
	// OnMessage receives every iopub message of the request in order
	// (status, execute_input, stream, display_data, error, ...), on the
	// goroutine that called Execute. When nil, messages are collected in
	// ExecuteResult.Messages instead.
	OnMessage func(*Message)

	// OnInput answers the kernel's input requests (allow_stdin is set only
	// when OnInput is not nil). An error sends an empty answer.
	OnInput func(InputRequest) (string, error)

	// Metadata is the request's message metadata. JupyterLab sends the
	// cell's own metadata there with the cell's id under "cellId".
	Metadata map[string]any
}

// ExecuteResult is what came back for one execute_request.
type ExecuteResult struct {
	MsgID    string       // the request's msg_id
	Reply    ExecuteReply // the execute_reply content
	Replied  bool         // whether the reply arrived
	Idle     bool         // whether the kernel reported idle for this request
	Messages []*Message   // iopub messages, when ExecuteOptions.OnMessage is nil
}

// Execute runs code and returns when the kernel has replied and gone idle
// (so every output has been delivered), when ctx ends, or when the
// connection fails. On ctx's end the partial result is returned with the
// error; the kernel may still be running the code (see Kernel.Interrupt).
func (c *Client) Execute(ctx context.Context, req ExecuteRequest, opts ExecuteOptions) (*ExecuteResult, error) {
	m := c.newMessage("execute_request", req.wire(opts.OnInput != nil))
	m.Metadata = opts.Metadata
	res := &ExecuteResult{MsgID: m.Header.MsgID}
	sub := c.subscribe(res.MsgID)
	defer c.unsubscribe(sub)
	replies := c.expect(res.MsgID)
	defer c.forget(res.MsgID)
	if err := c.send(c.shell, m); err != nil {
		return res, err
	}

	var quiet *time.Timer
	var quietC <-chan time.Time
	defer func() {
		if quiet != nil {
			quiet.Stop()
		}
	}()
	for {
		select {
		case r := <-replies:
			res.Replied = true
			if err := r.Decode(&res.Reply); err != nil {
				return res, err
			}
			if res.Idle {
				return res, nil
			}
			quiet = time.NewTimer(QuietAfterReply)
			quietC = quiet.C
		case msg := <-sub.ch:
			if msg.Channel == Stdin {
				if err := c.answerInput(msg, opts.OnInput); err != nil {
					return res, err
				}
				continue
			}
			if opts.OnMessage != nil {
				opts.OnMessage(msg)
			} else {
				res.Messages = append(res.Messages, msg)
			}
			if msg.Type() == "status" {
				var st Status
				if msg.Decode(&st) == nil && st.ExecutionState == "idle" {
					res.Idle = true
					if res.Replied {
						return res, nil
					}
				}
			}
			if quiet != nil {
				quiet.Reset(QuietAfterReply)
			}
		case <-quietC:
			return res, nil
		case <-ctx.Done():
			return res, fmt.Errorf("jupyter: executing: %w", ctx.Err())
		case <-c.dead:
			return res, c.Err()
		}
	}
}

// answerInput replies to an input_request on the stdin channel.
func (c *Client) answerInput(req *Message, onInput func(InputRequest) (string, error)) error {
	if req.Type() != "input_request" {
		return nil
	}
	var in InputRequest
	if err := req.Decode(&in); err != nil {
		return err
	}
	value := ""
	if onInput != nil {
		if v, err := onInput(in); err == nil {
			value = v
		}
	}
	reply := c.newMessage("input_reply", map[string]any{"value": value})
	reply.ParentHeader = req.Header
	return c.send(c.stdin, reply)
}
