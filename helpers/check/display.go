package check

import (
	"encoding/json"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"
)

func inNotebook() bool { return gonbui.IsNotebook }

// display sends the block and the result as one display_data output.
func display(r *Result, text string) {
	raw, _ := json.Marshal(r)
	gonbui.SendData(&protocol.DisplayData{Data: map[protocol.MIMEType]any{
		"text/html":  HTML(r),
		"text/plain": text,
		ResultMIME:   string(raw), // gonbui sends strings only
	}})
	gonbui.Sync() // Done may end the program right after
}
