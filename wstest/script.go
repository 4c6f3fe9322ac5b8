package wstest

// Script is a script to run: a name (used in error positions and to resolve
// relative imports and open() paths) and its source. When Source is empty the
// script is read from the file Name.
type Script struct {
	Name   string
	Source string
}
