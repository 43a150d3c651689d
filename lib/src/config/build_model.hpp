#pragma once
// Turns a document whose shape has been checked into the typed model.

#include "alignkit/model/document.hpp"

#include "config/yaml_tree.hpp"

namespace alignkit {

// `node` is the document's `spec`, already checked against the declaration of `kind`;
// values that were not given take their documented defaults.
void build_spec(Document& doc, const yaml::Node& spec);
// Reads the metadata mapping (already checked).
Metadata build_metadata(const yaml::Node& metadata);

} // namespace alignkit
