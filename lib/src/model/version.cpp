#include "alignkit/model/version.hpp"

namespace alignkit {

std::string_view version() { return ALIGNKIT_VERSION; }

} // namespace alignkit
