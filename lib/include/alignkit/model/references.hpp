#pragma once
// Following a reference from one document to another, as validate does.

#include "alignkit/model/document.hpp"

#include <span>
#include <string>

namespace alignkit {

// The document of `kind` that `ref` (written in `from`) names, by name, Kind/name or
// relative path, among `documents`; nullptr when none does (validate reports that).
const Document* resolve_reference(std::span<const Document> documents, const Document& from,
                                  const Located<std::string>& ref, Kind kind);

} // namespace alignkit
