package plot

// Palette is the colour of each series, in order (and again from the start).
var Palette = []string{"#1e88e5", "#e53935", "#43a047", "#fb8c00", "#8e24aa", "#00897b", "#6d4c41", "#546e7a"}

// Color returns the colour of series i.
func Color(i int) string { return Palette[i%len(Palette)] }
