package assess

// FastParse is fastParse, for the tests of package assess_test.
var FastParse = fastParse
