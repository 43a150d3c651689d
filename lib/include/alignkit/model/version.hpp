#pragma once

#include <string_view>

namespace alignkit {

// The alignkit release, such as "0.1.0".
std::string_view version();

} // namespace alignkit
