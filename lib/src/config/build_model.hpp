#pragma once
// Turns a document whose shape has been checked into the typed model.

#include "alignkit/model/document.hpp"

#include "config/yaml_tree.hpp"

namespace alignkit {

// `spec` is a document's spec, already checked against the declaration of `kind` (or what
// of it fits, fitting_part); values that were not given take their documented defaults.
Document::Spec build_spec(Kind kind, const yaml::Node& spec);
// Reads the metadata mapping (already checked).
Metadata build_metadata(const yaml::Node& metadata);

} // namespace alignkit
