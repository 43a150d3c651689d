#pragma once
// JSON Schema (draft 2020-12) of the config documents, made from the same declarations
// the loader checks documents against.

#include "alignkit/model/document.hpp"

#include <optional>
#include <string>

namespace alignkit {

// The schema of one kind, or with no kind one schema for any document (dispatching on
// `kind`), for editors through yaml-language-server. Pretty-printed JSON, ends in a newline.
std::string json_schema(std::optional<Kind> kind);

// The schema of the settings file, .alignkit.yaml (alignkit/config/settings.hpp).
std::string json_settings_schema();

} // namespace alignkit
