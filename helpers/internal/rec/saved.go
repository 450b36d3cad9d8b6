package rec

import "maps"

// SavedNames is the name registries as they were at SaveNames.
type SavedNames struct {
	labels map[uint64]string
	gnames map[int64]string
}

// SaveNames saves the names given so far to objects and goroutines. The
// schedule explorer (helpers/explore) restores them between schedules, so
// that the objects of thousands of schedules, each named afresh, do not fill
// the bounded registries and leave the schedule it reports nameless.
func SaveNames() *SavedNames {
	return &SavedNames{labels: labels.clone(), gnames: goroutineNames.clone()}
}

// Restore forgets every name given since the save, except the names of
// spans and marks (Intern keeps their ids).
func (s *SavedNames) Restore() {
	labels.mu.Lock()
	m := maps.Clone(s.labels)
	if m == nil {
		m = map[uint64]string{}
	}
	for id, name := range labels.m {
		if KindOf(id) == NameObject {
			m[id] = name
		}
	}
	labels.m = m
	labels.mu.Unlock()
	goroutineNames.replace(s.gnames)
}

// Grown reports how many names were given since the save (at least).
func (s *SavedNames) Grown() int {
	return labels.size() - len(s.labels) + goroutineNames.size() - len(s.gnames)
}

func (r *registry[K]) clone() map[K]string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return maps.Clone(r.m)
}

func (r *registry[K]) replace(m map[K]string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.m = maps.Clone(m)
}

func (r *registry[K]) size() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.m)
}
