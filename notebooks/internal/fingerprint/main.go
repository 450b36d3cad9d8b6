// Command fingerprint writes the fingerprints of the article the course
// follows (see notebooks/internal/originality), for the originality check
// of notebooks/course_test.go:
//
//	go run ./notebooks/internal/fingerprint [-article ../shared/article.txt] [-out notebooks/testdata/article.fingerprints]
//
// Run it from the repository's root whenever the article changes; the test
// says when the committed file no longer matches the article beside it.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/fearless-go/fearless/notebooks/internal/originality"
)

func main() {
	article := flag.String("article", "../shared/article.txt", "the article's text")
	out := flag.String("out", "notebooks/testdata/article.fingerprints", "the fingerprint file to write")
	flag.Parse()
	text, err := os.ReadFile(*article)
	if err != nil {
		fmt.Fprintf(os.Stderr, "fingerprint: %v (the article lives beside the repository, only on machines that have it)\n", err)
		os.Exit(1)
	}
	f := originality.FromArticle(string(text))
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		fmt.Fprintln(os.Stderr, "fingerprint:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "fingerprint:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d prose runs, %d code runs (%d bytes)\n", *out, len(f.Prose), len(f.Code), b.Len())
}
