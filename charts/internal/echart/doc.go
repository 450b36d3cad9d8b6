// Package echart turns Fearless charts into ECharts options with go-echarts,
// and wraps them in an HTML fragment that draws itself in a notebook cell or
// a web page.
//
// Options come from go-echarts (github.com/go-echarts/go-echarts/v2): lane
// bars are a custom series per state (so the legend toggles states), point
// markers are scatter series, and arrows are custom series that draw a line
// and an arrowhead. Two go-echarts habits are worked around here: it quotes
// JavaScript functions as strings (JS unquotes them), and its own page
// template declares globals and a shared CSS class (Fragment uses neither:
// each chart lives in a closure and a div with a unique id).
//
// Fragment never contains the ECharts library. It loads it once per page
// through one shared promise: from window.echarts when the page has it
// (a standalone page), or from {baseUrl}fearless/echarts.min.js, served by
// the fearless_charts Jupyter server extension, under JupyterLab, Notebook 7
// and classic Notebook (through require.js there). Until the chart is drawn,
// and whenever it cannot be (an untrusted notebook, an HTML export, no
// server extension), the fragment shows the static picture it carries.
package echart
