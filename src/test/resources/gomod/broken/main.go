// Command broken does not compile: the build tests check that golive shows the compiler's
// first error lines and exits 1.
package main

func main() {
	var n int = "not a number"
	_ = n
}
