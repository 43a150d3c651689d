#pragma once

#include <string_view>

namespace alignkit {

// A complete, commented starting point for `alignkit sla init`: lead definitions, a
// glossary and an SLA that refers to both, in one YAML file. It passes `alignkit sla check`
// with no warning (a test keeps it so).
std::string_view sla_template();

} // namespace alignkit
