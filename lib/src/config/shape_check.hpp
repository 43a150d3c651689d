#pragma once
// Checks a YAML value against its declared type and reports every mismatch.

#include "alignkit/config/diagnostics.hpp"
#include "config/declarations.hpp"

#include "config/yaml_tree.hpp"
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

struct ShapeContext {
    std::string_view file;
    Diagnostics& diags;
    // Values left to visit: aliases can make a small document expand without bound.
    std::size_t budget = 0;
    bool budget_exhausted = false;

    struct PathPart {
        std::string_view key; // empty for a list index
        std::size_t index = 0;
        Position key_mark{}; // where the key is written, for "missing key" and "empty list"
    };
    std::vector<PathPart> path;

    // "spec.dimensions[0].questions[2]"
    std::string path_string() const;
};

// Returns true when the value and everything below it fits the declaration.
bool check_shape(const yaml::Node& node, const decl::TypeDecl& type, ShapeContext& ctx);

// What of `node` fits `type`, as a copy made in `tree`: a mapping without its keys that are
// unknown, repeated or hold what does not fit, a list without its items that do not fit; a
// part that cannot do without what it lost (a required key, a list's least length) is lost
// in turn. nullptr when nothing of `node` is left. A value that fits whole is `node` itself.
// For checking the rest of a document whose shape had errors (check_shape reported them).
const yaml::Node* fitting_part(const yaml::Node& node, const decl::TypeDecl& type, yaml::Tree& tree);

} // namespace alignkit
