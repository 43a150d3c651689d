#pragma once
// The YAML documents of one text as a small tree of our own, built from libyaml's events:
// every node knows its position and whether it was written plain (unquoted, untagged), and
// mappings keep every entry in file order, duplicates included, so the checks can see them.
// Aliases point at the anchored node instead of copying it.

#include "alignkit/util/location.hpp"

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace alignkit::yaml {

enum class NodeType { null, scalar, sequence, mapping };

struct Node {
    NodeType type = NodeType::null;
    Position pos;
    bool plain = false;             // a scalar without quotes, block style or tag: only these can be numbers
    bool quoted = false;            // a single- or double-quoted scalar
    bool single_line = true;        // written on one line: a column inside it is pos.column + offset
    std::string value;              // the scalar's text
    std::vector<const Node*> items; // a sequence's items
    std::vector<std::pair<const Node*, const Node*>> entries; // a mapping's keys and values

    bool is_null() const { return type == NodeType::null; }
    bool is_scalar() const { return type == NodeType::scalar; }
    bool is_sequence() const { return type == NodeType::sequence; }
    bool is_map() const { return type == NodeType::mapping; }
};

struct SyntaxError {
    Position pos;
    std::string message;
};

// Owns the nodes of every document of one text. Not copyable: nodes point at each other.
class Tree {
  public:
    Tree() = default;
    Tree(const Tree&) = delete;
    Tree& operator=(const Tree&) = delete;

    std::vector<const Node*> documents; // one root per document; empty documents are left out
    std::optional<SyntaxError> error;   // the first syntax error; documents before it are kept

    Node& make() { return m_nodes.emplace_back(); }

  private:
    std::deque<Node> m_nodes;
};

// Parses every document of `text` into `tree`.
void parse(std::string_view text, Tree& tree);

// The value stored under `key` in a mapping (the first, if the key repeats).
const Node* child(const Node& map, std::string_view key);

// "a list", "a mapping", "nothing", "'abc'", "the quoted text 'abc'": for "found ..." in messages.
std::string describe(const Node& node);

// Strict scalar parsing: decimal only, so 0x18 and 010 are not silently read as hex or octal.
std::optional<long long> parse_integer(std::string_view text);
std::optional<double> parse_number(std::string_view text);
std::optional<bool> parse_boolean(std::string_view text);
// "25%" or "12.5%" -> 25.0 or 12.5.
std::optional<double> parse_percentage(std::string_view text);

// True when a YAML 1.2 core-schema reader (yaml-language-server, js-yaml) would read this
// plain scalar as a number, boolean or null rather than text.
bool reads_as_non_text(std::string_view plain);

} // namespace alignkit::yaml
