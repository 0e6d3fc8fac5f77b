package assess

import "go.yaml.in/yaml/v3"

// FastParse is fastParse, for the tests of package assess_test.
func FastParse(data []byte) *yaml.Node {
	root, _ := fastParse(data)
	return root
}
