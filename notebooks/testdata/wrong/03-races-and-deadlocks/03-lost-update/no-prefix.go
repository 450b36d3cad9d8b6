// Wrong: the letters of a failing schedule without the "x1:" that starts every schedule string.
package main

func LostUpdate() string { return "cb2a" }
