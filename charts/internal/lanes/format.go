package lanes

import (
	"strconv"
	"strings"
	"time"
)

// FormatDuration writes d briefly with three significant digits, in the
// unit that suits it: 850ns, 12.3µs, 4.56ms, 1.23s.
func FormatDuration(d time.Duration) string {
	neg := d < 0
	if neg {
		d = -d
	}
	var s string
	switch {
	case d < time.Microsecond:
		s = strconv.FormatInt(int64(d), 10) + "ns"
	case d < time.Millisecond:
		s = sig3(float64(d)/1e3) + "µs"
	case d < time.Second:
		s = sig3(float64(d)/1e6) + "ms"
	default:
		s = sig3(float64(d)/1e9) + "s"
	}
	if neg {
		return "-" + s
	}
	return s
}

func sig3(v float64) string {
	var s string
	switch {
	case v >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		s = strconv.FormatFloat(v, 'f', 1, 64)
	default:
		s = strconv.FormatFloat(v, 'f', 2, 64)
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
