package assess

import "fmt"

// PlaceholderOrganization is the organisation init writes when neither
// --organization nor the folder's name gives one. An assessment still
// carrying it has not been filled in: validate warns, report refuses.
const PlaceholderOrganization = "Your organisation"

// IsPlaceholderOrganization reports whether name is a placeholder of init
// rather than an organisation's name.
func IsPlaceholderOrganization(name string) bool {
	return name == PlaceholderOrganization
}

// PlaceholderOrganization returns a warning at the organization: line when
// the organisation is still the placeholder of init, else nil. report turns
// it into an error unless forced.
func (a *Assessment) PlaceholderOrganization() *Problem {
	if !IsPlaceholderOrganization(a.Organization) {
		return nil
	}
	return &Problem{File: a.File, Line: a.organizationPos.Line, Column: a.organizationPos.Column, Severity: Warning,
		Message: fmt.Sprintf("organization: %q is the placeholder of init; write the organisation's name, which the reports print on their cover", a.Organization)}
}
