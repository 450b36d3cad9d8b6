package charts

// Option configures a chart.
type Option func(*config)

type config struct {
	title string
	id    string
	width int
}

// Title sets the chart's title.
func Title(s string) Option { return func(c *config) { c.title = s } }

// ElementID sets the HTML element id of the chart instead of a random one,
// for reproducible output.
func ElementID(id string) Option { return func(c *config) { c.id = id } }

// Width sets the interactive chart's maximum width in pixels (default 1100).
func Width(px int) Option { return func(c *config) { c.width = px } }

func newConfig(title string, opts []Option) *config {
	c := &config{title: title}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	return c
}
