// Wrong: "x1:" lets each thread run on until it must stop: alice bumps, then bob; nothing is lost.
package main

func LostUpdate() string { return "x1:" }
