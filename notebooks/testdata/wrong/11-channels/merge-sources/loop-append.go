// Wrong: appends the sources one after another in a loop, with no threads and no channel: the items are all there, in an order a merge could produce, but nothing was merged.
package main

func Merge(sources ...[]string) []string {
	merged := []string{}
	for _, src := range sources {
		merged = append(merged, src...)
	}
	return merged
}
