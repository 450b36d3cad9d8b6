// Package svg draws Fearless charts as static SVG pictures, in plain Go.
// The picture is the fallback that travels with every chart: a notebook
// reopened untrusted, an HTML export, or a viewer without JavaScript shows
// it instead of the interactive chart.
//
// The pictures are kept small: bars of one state share one path element,
// and charts are thinned with lanes.Merge to the picture's width first.
package svg
