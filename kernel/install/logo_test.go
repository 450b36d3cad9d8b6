package install

import (
	"bytes"
	"image/png"
	"strings"
	"testing"
)

func TestLogoPNG(t *testing.T) {
	for _, size := range LogoSizes {
		data, err := LogoPNG(size)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
			t.Fatalf("logo-%d is %v", size, b)
		}
		at := func(x, y float64) (r, g, b, a uint32) { // in the SVG's 64×64 units
			r, g, b, a = img.At(int(x*float64(size)/64), int(y*float64(size)/64)).RGBA()
			return r >> 8, g >> 8, b >> 8, a >> 8
		}
		if _, _, _, a := at(0.5, 0.5); a != 0 {
			t.Errorf("logo-%d: the corner outside the rounded square is not transparent (alpha %d)", size, a)
		}
		if r, g, b, a := at(8, 56); r != 0x00 || g != 0xAD || b != 0xD8 || a != 255 {
			t.Errorf("logo-%d: the square is not Go blue: %d %d %d %d", size, r, g, b, a)
		}
		if r, g, b, _ := at(24, 42); r != 255 || g != 255 || b != 255 {
			t.Errorf("logo-%d: the flame is not white: %d %d %d", size, r, g, b)
		}
		// Rendering is deterministic: the install writes the same files every time.
		again, _ := LogoPNG(size)
		if !bytes.Equal(data, again) {
			t.Errorf("logo-%d differs between two renderings", size)
		}
	}
}

func TestRenderSVGRefusesWhatItCannotDraw(t *testing.T) {
	for _, svg := range []string{
		`<svg viewBox="0 0 8 8"><circle cx="4" cy="4" r="2" fill="#000000"/></svg>`,
		`<svg viewBox="0 0 8 8"><path d="M1 1 Q 2 2 3 3 Z" fill="#000000"/></svg>`,
		`<svg viewBox="0 0 8 8"><rect x="0" y="0" width="8" height="8" fill="red"/></svg>`,
	} {
		if _, err := renderSVG([]byte(svg), 8); err == nil || !strings.Contains(err.Error(), "logo") {
			t.Errorf("renderSVG(%s) = %v, want an error", svg, err)
		}
	}
}
