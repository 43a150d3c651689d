#pragma once

#include <string_view>

namespace alignkit {

// The questionnaire `alignkit assess init` writes: nine dimensions of the sales-marketing
// relationship, four questions each, every question evidencing one maturity stage, some
// reverse-scored. A Questionnaire document in YAML; a test keeps it valid.
std::string_view builtin_questionnaire();

} // namespace alignkit
