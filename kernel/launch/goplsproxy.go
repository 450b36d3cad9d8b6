package launch

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fearless-go/fearless/kernel/internal/atomicfile"
)

// CompletionsEnv names the file where the gopls shim writes the items of
// the last completion gopls sent (kind, signature, documentation), which
// gonb drops: the kernel's proxy adds them to complete_reply and answers
// inspect_request on a partial name with them. Set by the kernel for gonb,
// which passes its environment on to gopls.
const CompletionsEnv = "FEARLESS_COMPLETIONS"

// CompletionItem is one gopls completion, as written to the CompletionsEnv
// file.
type CompletionItem struct {
	Label         string `json:"label"`
	Kind          string `json:"kind"`   // Jupyter's name for it: function, variable, ...
	Detail        string `json:"detail"` // the signature or type
	Documentation string `json:"documentation,omitempty"`
	Insert        string `json:"insert"` // the text gonb offers
}

// lspKinds maps LSP CompletionItemKind numbers to the type names
// JupyterLab's completer shows icons for.
var lspKinds = map[int]string{
	1: "text", 2: "method", 3: "function", 4: "constructor", 5: "field", 6: "variable",
	7: "class", 8: "interface", 9: "module", 10: "property", 11: "unit", 12: "value",
	13: "enum", 14: "keyword", 15: "snippet", 16: "color", 17: "file", 18: "reference",
	19: "folder", 20: "enumMember", 21: "constant", 22: "struct", 23: "event",
	24: "operator", 25: "typeParameter",
}

// listenAddr returns the network and address of gopls's -listen argument
// ("unix;/path", "tcp;host:port", "/path" or "host:port") and where it is
// in args.
func listenAddr(args []string) (network, addr string, at int, ok bool) {
	for i, a := range args {
		var v string
		switch {
		case (a == "-listen" || a == "--listen") && i+1 < len(args):
			v, at = args[i+1], i+1
		case strings.HasPrefix(a, "-listen=") || strings.HasPrefix(a, "--listen="):
			_, v, _ = strings.Cut(a, "=")
			at = i
		default:
			continue
		}
		switch {
		case strings.HasPrefix(v, "unix;"):
			return "unix", v[len("unix;"):], at, true
		case strings.HasPrefix(v, "tcp;"):
			return "tcp", v[len("tcp;"):], at, true
		case strings.HasPrefix(v, "/"):
			return "unix", v, at, true
		default:
			return "tcp", v, at, true
		}
	}
	return "", "", 0, false
}

// serveGoplsProxy runs the real gopls (argv, env) listening on a socket of
// its own and listens where gonb asked gopls to, passing every connection
// on byte for byte; on the way back it notes the items of each completion
// in the CompletionsEnv file before gonb sees them. It returns when the real
// gopls exits (its idle timeout, once gonb is gone).
func serveGoplsProxy(real string, args, env []string, network, addr string, at int) error {
	inner := addr + ".gopls"
	innerNet := network
	if network == "tcp" {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		inner = l.Addr().String()
		l.Close()
	} else {
		_ = os.Remove(inner)
	}
	args = append([]string(nil), args...)
	if strings.HasPrefix(args[at], "-") { // -listen=value
		args[at] = "-listen=" + innerNet + ";" + inner
	} else {
		args[at] = innerNet + ";" + inner
	}
	if network == "unix" {
		_ = os.Remove(addr)
	}
	l, err := net.Listen(network, addr)
	if err != nil {
		return fmt.Errorf("fearless gopls shim: %w", err)
	}
	defer l.Close()
	cmd := exec.Command(real, args...)
	cmd.Env = env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, os.Stdout, os.Stderr
	dieWithParent(cmd)
	started, done := make(chan error, 1), make(chan error, 1)
	runInBackground(cmd, started, done)
	if err := <-started; err != nil {
		return fmt.Errorf("fearless gopls shim: %w", err)
	}
	notes := os.Getenv(CompletionsEnv)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go forwardGopls(c, innerNet, inner, notes)
		}
	}()
	err = <-done
	if network == "unix" {
		_ = os.Remove(addr)
		_ = os.Remove(inner)
	}
	if exit, ok := err.(*exec.ExitError); ok && exit.ExitCode() >= 0 {
		os.Exit(exit.ExitCode())
	}
	return err
}

// forwardGopls passes one of gonb's connections on to the real gopls, which
// may still be starting.
func forwardGopls(c net.Conn, network, addr, notes string) {
	defer c.Close()
	var g net.Conn
	var err error
	for deadline := time.Now().Add(30 * time.Second); ; {
		if g, err = net.Dial(network, addr); err == nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "fearless gopls shim: %v\n", err)
		return
	}
	defer g.Close()
	var mu sync.Mutex
	pending := map[string]bool{} // ids of completion requests
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { // gonb → gopls
		defer wg.Done()
		defer closeWrite(g)
		copyMessages(g, c, func(body []byte) {
			var m struct {
				ID     json.RawMessage `json:"id"`
				Method string          `json:"method"`
			}
			if json.Unmarshal(body, &m) == nil && m.Method == "textDocument/completion" && len(m.ID) > 0 {
				mu.Lock()
				pending[string(m.ID)] = true
				mu.Unlock()
			}
		})
	}()
	go func() { // gopls → gonb
		defer wg.Done()
		defer closeWrite(c)
		copyMessages(c, g, func(body []byte) {
			var m struct {
				ID     json.RawMessage `json:"id"`
				Method string          `json:"method"`
				Result json.RawMessage `json:"result"`
			}
			if json.Unmarshal(body, &m) != nil || m.Method != "" || len(m.ID) == 0 {
				return
			}
			mu.Lock()
			ok := pending[string(m.ID)]
			delete(pending, string(m.ID))
			mu.Unlock()
			if ok && notes != "" {
				noteCompletion(notes, m.Result)
			}
		})
	}()
	wg.Wait()
}

func closeWrite(c net.Conn) {
	if cw, ok := c.(interface{ CloseWrite() error }); ok {
		_ = cw.CloseWrite()
	} else {
		_ = c.Close()
	}
}

// copyMessages copies LSP messages (Content-Length framed) from r to w,
// showing each body to see before it is written. Anything it cannot frame
// is copied as it is.
func copyMessages(w io.Writer, r io.Reader, see func(body []byte)) {
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		var header []byte
		length := -1
		for {
			line, err := br.ReadSlice('\n')
			header = append(header, line...)
			if err != nil {
				_, _ = w.Write(header)
				if err == bufio.ErrBufferFull {
					_, _ = io.Copy(w, br)
				}
				return
			}
			t := strings.TrimSpace(string(line))
			if t == "" {
				break
			}
			if k, v, ok := strings.Cut(t, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "Content-Length") {
				length, _ = strconv.Atoi(strings.TrimSpace(v))
			}
		}
		if length < 0 {
			_, _ = w.Write(header)
			_, _ = io.Copy(w, br)
			return
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(br, body); err != nil {
			_, _ = w.Write(header)
			_, _ = w.Write(body)
			return
		}
		see(body)
		if _, err := w.Write(append(header, body...)); err != nil {
			return
		}
	}
}

// noteCompletion writes the items of a completion result to file.
func noteCompletion(file string, result json.RawMessage) {
	type item struct {
		Label         string          `json:"label"`
		Kind          int             `json:"kind"`
		Detail        string          `json:"detail"`
		Documentation json.RawMessage `json:"documentation"`
		InsertText    string          `json:"insertText"`
		TextEdit      *struct {
			NewText string `json:"newText"`
		} `json:"textEdit"`
	}
	var list struct {
		Items []item `json:"items"`
	}
	if json.Unmarshal(result, &list) != nil {
		var items []item
		if json.Unmarshal(result, &items) != nil {
			return
		}
		list.Items = items
	}
	out := make([]CompletionItem, 0, len(list.Items))
	for _, it := range list.Items {
		ci := CompletionItem{Label: it.Label, Kind: lspKinds[it.Kind], Detail: it.Detail, Insert: it.InsertText}
		if it.TextEdit != nil {
			ci.Insert = it.TextEdit.NewText
		}
		var doc struct {
			Value string `json:"value"`
		}
		if json.Unmarshal(it.Documentation, &ci.Documentation) != nil && json.Unmarshal(it.Documentation, &doc) == nil {
			ci.Documentation = doc.Value
		}
		out = append(out, ci)
	}
	data, err := json.Marshal(out)
	if err != nil {
		return
	}
	_ = atomicfile.Write(file, data, 0o600)
}
