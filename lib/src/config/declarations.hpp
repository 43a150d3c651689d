#pragma once
// The declared shape of every kind of document: which keys exist, which are required,
// what type each value has. The loader checks documents against these declarations and
// `alignkit schema` exports them as JSON Schema, so the two cannot drift apart.

#include "alignkit/model/document.hpp"

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit::decl {

enum class ValueKind {
    text, // any non-empty scalar
    name, // a slug: lowercase letters, digits, '-' and '_'
    integer,
    number,
    boolean,
    duration,    // 90m, 1h30m, 3d, 2w
    date,        // YYYY-MM-DD
    time_range,  // HH:MM-HH:MM
    percentage,  // 25%, 12.5%
    enumeration, // one of `values`
    constant,    // exactly values[0]
    object,      // a mapping with declared `fields`
    list,        // a sequence of `items`
    map,         // a mapping from `keys` (names) to `items`
    one_of,      // the first alternative whose shape fits
};

struct TypeDecl;
using TypeRef = std::shared_ptr<const TypeDecl>;

struct FieldDecl {
    std::string_view name;
    TypeRef type;
    bool required = false;
    std::string_view description;
};

struct TypeDecl {
    ValueKind kind = ValueKind::text;
    std::string_view description;
    std::vector<FieldDecl> fields;              // object
    std::vector<std::string_view> one_required; // object: exactly one of these keys
    TypeRef items;                              // list items, map values
    std::span<const std::string_view> values;   // enumeration, constant
    std::optional<double> minimum;              // integer, number, percentage
    bool exclusive_minimum = false;
    std::optional<double> maximum;
    std::size_t min_items = 0;         // list
    std::vector<TypeRef> alternatives; // one_of

    const FieldDecl* field(std::string_view key) const;
};

// The whole document (apiVersion, kind, metadata, spec) of one kind.
const TypeDecl& document_type(Kind kind);

// The settings file (.alignkit.yaml; alignkit/config/settings.hpp).
const TypeDecl& settings_type();
// The levels a code may be set to in it.
inline constexpr std::array<std::string_view, 4> k_levels{"error", "warning", "info", "off"};

// "a duration such as 24h": how a message names what was expected.
std::string expected_phrase(const TypeDecl& type);

} // namespace alignkit::decl
