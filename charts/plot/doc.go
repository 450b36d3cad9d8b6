// Package plot holds the small plots an experiment needs: a histogram of
// outcomes (how often did the racy counter end at each value?), and lines
// or bars of a measure against a parameter (throughput against the number
// of goroutines, with GOMAXPROCS=1 and 4 as two series).
//
// A Figure is data only; the echart and svg packages draw it, and the
// charts package shows it in a cell.
package plot
