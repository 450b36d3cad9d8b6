package install

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// LogoSizes are the PNG sizes of the kernel's logo that JupyterLab and
// Notebook look for in a kernelspec (logo-32x32.png, logo-64x64.png),
// beside logo-svg.svg.
var LogoSizes = []int{32, 64}

// LogoPNG renders the kernel's logo (logo.svg) as a size×size PNG.
func LogoPNG(size int) ([]byte, error) { return renderSVG(logoSVG, size) }

// renderSVG rasterizes the small subset of SVG the logo is drawn with:
// <rect> (x, y, width, height, rx, fill) and <path> (fill; M, L, C, Z in
// absolute coordinates), filled with the nonzero rule, 8×8 samples a pixel.
// Anything else is an error, so a logo that needs more fails here, not in a
// browser.
func renderSVG(svg []byte, size int) ([]byte, error) {
	var doc struct {
		ViewBox string `xml:"viewBox,attr"`
		Rects   []struct {
			X      string `xml:"x,attr"`
			Y      string `xml:"y,attr"`
			Width  string `xml:"width,attr"`
			Height string `xml:"height,attr"`
			Rx     string `xml:"rx,attr"`
			Fill   string `xml:"fill,attr"`
		} `xml:"rect"`
		Paths []struct {
			D    string `xml:"d,attr"`
			Fill string `xml:"fill,attr"`
		} `xml:"path"`
		Other []struct {
			XMLName xml.Name
		} `xml:",any"`
	}
	if err := xml.Unmarshal(svg, &doc); err != nil {
		return nil, fmt.Errorf("logo: %w", err)
	}
	for _, o := range doc.Other { // elements other than rect and path
		return nil, fmt.Errorf("logo: <%s> is not supported", o.XMLName.Local)
	}
	vb, err := numbers(doc.ViewBox, 4)
	if err != nil {
		return nil, fmt.Errorf("logo: viewBox: %w", err)
	}
	var shapes []shape
	for _, r := range doc.Rects {
		v, err := numbers(strings.Join([]string{r.X, r.Y, r.Width, r.Height, orZero(r.Rx)}, " "), 5)
		if err != nil {
			return nil, fmt.Errorf("logo: rect: %w", err)
		}
		c, err := hexColor(r.Fill)
		if err != nil {
			return nil, err
		}
		x, y, w, h, rx := v[0], v[1], v[2], v[3], v[4]
		shapes = append(shapes, shape{fill: c, inside: func(px, py float64) bool {
			if px < x || py < y || px > x+w || py > y+h {
				return false
			}
			cx := math.Max(x+rx, math.Min(px, x+w-rx))
			cy := math.Max(y+rx, math.Min(py, y+h-rx))
			return (px-cx)*(px-cx)+(py-cy)*(py-cy) <= rx*rx
		}})
	}
	for _, p := range doc.Paths {
		poly, err := flatten(p.D)
		if err != nil {
			return nil, err
		}
		c, err := hexColor(p.Fill)
		if err != nil {
			return nil, err
		}
		shapes = append(shapes, shape{fill: c, inside: func(px, py float64) bool { return winding(poly, px, py) != 0 }})
	}

	const ss = 8 // samples per pixel side
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	scale := vb[2] / float64(size)
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := vb[0] + (float64(px)+(float64(sx)+0.5)/ss)*scale
					y := vb[1] + (float64(py)+(float64(sy)+0.5)/ss)*scale
					var c color.NRGBA // the topmost shape's colour (shapes are opaque)
					for _, s := range shapes {
						if s.inside(x, y) {
							c = s.fill
						}
					}
					if c.A > 0 {
						r, g, b, a = r+float64(c.R), g+float64(c.G), b+float64(c.B), a+1
					}
				}
			}
			if a > 0 {
				img.SetNRGBA(px, py, color.NRGBA{R: uint8(r/a + 0.5), G: uint8(g/a + 0.5), B: uint8(b/a + 0.5), A: uint8(255*a/(ss*ss) + 0.5)})
			}
		}
	}
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return nil, fmt.Errorf("logo: %w", err)
	}
	return out.Bytes(), nil
}

type shape struct {
	fill   color.NRGBA
	inside func(x, y float64) bool
}

type point struct{ x, y float64 }

// pathToken is a command letter or a number of SVG path data.
var pathToken = regexp.MustCompile(`[A-Za-z]|[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?`)

// flatten turns path data into one closed polygon per subpath, cubic
// curves in 16 segments each.
func flatten(d string) ([][]point, error) {
	fields := pathToken.FindAllString(d, -1)
	if rest := strings.TrimSpace(pathToken.ReplaceAllString(d, " ")); strings.Trim(rest, " ,\n\t") != "" {
		return nil, fmt.Errorf("logo: path data %q is not supported", rest)
	}
	var polys [][]point
	var cur []point
	i := 0
	num := func() (float64, error) {
		if i >= len(fields) {
			return 0, fmt.Errorf("logo: path data ends early")
		}
		v, err := strconv.ParseFloat(fields[i], 64)
		i++
		return v, err
	}
	pt := func() (point, error) {
		x, err := num()
		if err != nil {
			return point{}, err
		}
		y, err := num()
		return point{x, y}, err
	}
	var cmd string
	for i < len(fields) {
		if f := fields[i]; len(f) == 1 && (f[0] >= 'A' && f[0] <= 'Z' || f[0] >= 'a' && f[0] <= 'z') {
			cmd = f
			i++
		}
		switch cmd {
		case "M":
			if len(cur) > 0 {
				polys = append(polys, cur)
			}
			p, err := pt()
			if err != nil {
				return nil, err
			}
			cur = []point{p}
			cmd = "L"
		case "L":
			p, err := pt()
			if err != nil {
				return nil, err
			}
			cur = append(cur, p)
		case "C":
			if len(cur) == 0 {
				return nil, fmt.Errorf("logo: C before M")
			}
			c1, err1 := pt()
			c2, err2 := pt()
			end, err3 := pt()
			if err := firstErr(err1, err2, err3); err != nil {
				return nil, err
			}
			p0 := cur[len(cur)-1]
			for k := 1; k <= 16; k++ {
				t := float64(k) / 16
				u := 1 - t
				cur = append(cur, point{
					u*u*u*p0.x + 3*u*u*t*c1.x + 3*u*t*t*c2.x + t*t*t*end.x,
					u*u*u*p0.y + 3*u*u*t*c1.y + 3*u*t*t*c2.y + t*t*t*end.y,
				})
			}
		case "Z":
			if len(cur) > 0 {
				polys = append(polys, cur)
				cur = nil
			}
			cmd = ""
		default:
			return nil, fmt.Errorf("logo: path command %q is not supported", cmd)
		}
	}
	if len(cur) > 0 {
		polys = append(polys, cur)
	}
	return polys, nil
}

// winding is the nonzero winding number of the polygons around (x, y).
func winding(polys [][]point, x, y float64) int {
	w := 0
	for _, poly := range polys {
		for i := range poly {
			a, b := poly[i], poly[(i+1)%len(poly)]
			if a.y <= y {
				if b.y > y && (b.x-a.x)*(y-a.y)-(x-a.x)*(b.y-a.y) > 0 {
					w++
				}
			} else if b.y <= y && (b.x-a.x)*(y-a.y)-(x-a.x)*(b.y-a.y) < 0 {
				w--
			}
		}
	}
	return w
}

func numbers(s string, n int) ([]float64, error) {
	fields := strings.Fields(strings.ReplaceAll(s, ",", " "))
	if len(fields) != n {
		return nil, fmt.Errorf("want %d numbers, have %q", n, s)
	}
	out := make([]float64, n)
	for i, f := range fields {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func orZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

func hexColor(s string) (color.NRGBA, error) {
	if len(s) != 7 || s[0] != '#' {
		return color.NRGBA{}, fmt.Errorf("logo: fill %q is not #RRGGBB", s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.NRGBA{}, fmt.Errorf("logo: fill %q: %w", s, err)
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}, nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
