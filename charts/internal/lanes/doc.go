// Package lanes is the drawing model shared by every Fearless lane chart: a
// list of named lanes (one per goroutine, worker or processor), coloured
// bars on them grouped into series (one series per state, so a legend can
// toggle a state), point markers, arrows between lanes, and a small table
// of time spent in each state.
//
// The timeline and scheduler views build a Chart from their own data; the
// echart and svg packages draw any Chart. Merge thins a chart to what a
// screen can show: bars shorter than a pixel at the default zoom are merged
// with their neighbours, so a recording of 100,000 events still draws fast.
package lanes
