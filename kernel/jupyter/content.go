package jupyter

import "encoding/json"

// KernelInfo is the content of a kernel_info_reply.
type KernelInfo struct {
	Status                string         `json:"status"`
	ProtocolVersion       string         `json:"protocol_version"`
	Implementation        string         `json:"implementation"`
	ImplementationVersion string         `json:"implementation_version"`
	LanguageInfo          map[string]any `json:"language_info"`
	Banner                string         `json:"banner"`
	HelpLinks             []HelpLink     `json:"help_links,omitempty"`
}

// HelpLink is one entry of a kernel's help menu.
type HelpLink struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

// Language returns language_info.name, e.g. "go" or "python".
func (k *KernelInfo) Language() string {
	name, _ := k.LanguageInfo["name"].(string)
	return name
}

// ExecuteRequest is what to run. The zero value beyond Code is what a
// notebook front end sends: not silent, stored in history (so the kernel
// counts executions), no user expressions.
type ExecuteRequest struct {
	Code            string
	Silent          bool              // run without outputs or execution count
	SkipHistory     bool              // store_history=false: no execution count
	StopOnError     bool              // ask the kernel to abort queued requests after an error
	UserExpressions map[string]string // evaluated after the code, results in the reply
}

// wire returns the execute_request content.
func (r ExecuteRequest) wire(allowStdin bool) map[string]any {
	ue := r.UserExpressions
	if ue == nil {
		ue = map[string]string{}
	}
	return map[string]any{
		"code":             r.Code,
		"silent":           r.Silent,
		"store_history":    !r.SkipHistory,
		"user_expressions": ue,
		"allow_stdin":      allowStdin,
		"stop_on_error":    r.StopOnError,
	}
}

// ExecuteReply is the content of an execute_reply.
type ExecuteReply struct {
	Status          string         `json:"status"` // "ok", "error" or "aborted"
	ExecutionCount  int            `json:"execution_count"`
	Ename           string         `json:"ename,omitempty"`
	Evalue          string         `json:"evalue,omitempty"`
	Traceback       []string       `json:"traceback,omitempty"`
	Payload         []any          `json:"payload,omitempty"`
	UserExpressions map[string]any `json:"user_expressions,omitempty"`
}

// Stream is the content of a stream message: text written to stdout or stderr.
type Stream struct {
	Name string `json:"name"` // "stdout" or "stderr"
	Text string `json:"text"`
}

// DisplayData is the content of display_data, update_display_data and
// execute_result messages: one output in several MIME types.
type DisplayData struct {
	Data           map[string]any `json:"data"`
	Metadata       map[string]any `json:"metadata"`
	Transient      map[string]any `json:"transient,omitempty"`
	ExecutionCount *int           `json:"execution_count,omitempty"` // execute_result only
}

// DisplayID returns transient.display_id, the handle later updates refer to.
func (d *DisplayData) DisplayID() string {
	id, _ := d.Transient["display_id"].(string)
	return id
}

// Error is the content of an error message (and the error fields of a reply).
type Error struct {
	Ename     string   `json:"ename"`
	Evalue    string   `json:"evalue"`
	Traceback []string `json:"traceback"`
}

// Status is the content of a status message.
type Status struct {
	ExecutionState string `json:"execution_state"` // "busy", "idle" or "starting"
}

// ClearOutput is the content of a clear_output message.
type ClearOutput struct {
	Wait bool `json:"wait"`
}

// InputRequest is the content of an input_request on the stdin channel.
type InputRequest struct {
	Prompt   string `json:"prompt"`
	Password bool   `json:"password"`
}

// CompleteReply is the content of a complete_reply.
type CompleteReply struct {
	Status      string         `json:"status"`
	Matches     []string       `json:"matches"`
	CursorStart int            `json:"cursor_start"`
	CursorEnd   int            `json:"cursor_end"`
	Metadata    map[string]any `json:"metadata"`
}

// InspectReply is the content of an inspect_reply.
type InspectReply struct {
	Status   string         `json:"status"`
	Found    bool           `json:"found"`
	Data     map[string]any `json:"data"`
	Metadata map[string]any `json:"metadata"`
}

// rawJSON marshals v; content types here always marshal.
func rawJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic("jupyter: marshaling content: " + err.Error())
	}
	return b
}
