package mpsc

// ring is a FIFO queue in a power-of-two circular buffer that grows when
// full and shrinks when mostly empty, so a burst does not pin its memory.
type ring[E any] struct {
	buf  []E
	head int
	n    int
}

// minRing is the smallest buffer a ring allocates, and the size below which
// it never shrinks.
const minRing = 8

func (r *ring[E]) len() int { return r.n }

func (r *ring[E]) push(e E) {
	if r.n == len(r.buf) {
		r.resize(max(minRing, 2*len(r.buf)))
	}
	r.buf[(r.head+r.n)&(len(r.buf)-1)] = e
	r.n++
}

// pop removes and returns the oldest element; the ring must not be empty.
func (r *ring[E]) pop() E {
	var zero E
	e := r.buf[r.head]
	r.buf[r.head] = zero // let the garbage collector have the value
	r.head = (r.head + 1) & (len(r.buf) - 1)
	r.n--
	if len(r.buf) > 8*minRing && r.n < len(r.buf)/4 {
		r.resize(len(r.buf) / 2)
	}
	return e
}

// clear drops every element.
func (r *ring[E]) clear() { *r = ring[E]{} }

func (r *ring[E]) resize(size int) {
	buf := make([]E, size)
	for i := range r.n {
		buf[i] = r.buf[(r.head+i)&(len(r.buf)-1)]
	}
	r.buf, r.head = buf, 0
}
