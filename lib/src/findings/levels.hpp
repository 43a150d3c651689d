#pragma once
// The settings file's severities applied to a run's findings: each finding of a code it sets
// takes that severity, and the findings of a code set to `off` leave the report (counted in
// `turned_off`). Codes that say the input could not be read keep theirs (is_fixed_severity),
// and so do the settings file's own findings.

#include "alignkit/config/settings.hpp"
#include "alignkit/findings/validate.hpp"

namespace alignkit {

void apply_levels(const Settings& settings, ValidationResult& result);

} // namespace alignkit
