#pragma once
// Findings a config's own comments suppress, as linters let people say "known, and why":
//   key: value  # alignkit-disable-line AK3015 -- the reason
//   # alignkit-disable-next-line AK3015, AK3011 -- the reason
//   key: value
// A suppressed finding leaves the report (the summary counts it); a code named on a line
// without such a finding is itself a warning (AK0011), so suppressions do not go stale.

#include "alignkit/findings/validate.hpp"

namespace alignkit {

void apply_suppressions(ValidationResult& result);

} // namespace alignkit
