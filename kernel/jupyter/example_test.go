package jupyter_test

import (
	"context"
	"fmt"
	"log"

	"github.com/fearless-go/fearless/kernel/jupyter"
	"github.com/fearless-go/fearless/kernel/kernelspec"
)

// Start the installed fearless kernel, run a cell and print its stdout.
// (Not run by go test: it needs the kernel installed.)
func Example() {
	spec, err := kernelspec.Find("fearless")
	if err != nil {
		log.Fatal(err) // run `fearless install` first
	}
	ctx := context.Background()
	k, err := jupyter.Start(ctx, spec, jupyter.StartOptions{})
	if err != nil {
		log.Fatal(err)
	}
	defer k.Shutdown(ctx)

	res, err := k.Client().Execute(ctx, jupyter.ExecuteRequest{Code: "%%\nfmt.Println(\"hello from a cell\")"}, jupyter.ExecuteOptions{
		OnMessage: func(m *jupyter.Message) {
			var s jupyter.Stream
			if m.Type() == "stream" && m.Decode(&s) == nil {
				fmt.Print(s.Text)
			}
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("status:", res.Reply.Status, "execution count:", res.Reply.ExecutionCount)
}

// Every message is signed with the connection's key; a receiver recomputes
// the HMAC and drops the message when it differs.
func ExampleSigner() {
	s, err := jupyter.NewSigner("hmac-sha256", "secret")
	if err != nil {
		log.Fatal(err)
	}
	parts := [4][]byte{[]byte(`{"msg_id":"1"}`), []byte(`{}`), []byte(`{}`), []byte(`{"code":"1+1"}`)}
	sig := s.Sign(parts)
	fmt.Println(string(sig))
	parts[3] = []byte(`{"code":"rm -rf /"}`)
	fmt.Println("tampered message verifies:", s.Verify(sig, parts))
	// Output:
	// 8b401df890f3e1a0a11fe0065dc9c527656a04e4c12230f675f0a5b83a2f600c
	// tampered message verifies: false
}
