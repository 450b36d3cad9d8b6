// Wrong: bob waits until alice has finished her bump, so he reads her write: a schedule that ends cleanly.
package main

func LostUpdate() string { return "x1:b2c2" }
