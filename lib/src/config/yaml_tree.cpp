#include "config/yaml_tree.hpp"

#include "alignkit/util/text.hpp"

#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <memory>
#include <regex>
#include <unordered_map>
#include <yaml.h>

namespace alignkit::yaml {
namespace {

Position to_position(const yaml_mark_t& mark)
{
    return {static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1};
}

std::string_view text_of(const yaml_char_t* s)
{
    return s == nullptr ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(s));
}

// Builds the tree from the event stream: a stack of open collections, each mapping with the
// key that waits for its value.
class Builder {
  public:
    explicit Builder(Tree& tree) : m_tree(tree) {}

    // Returns false (after recording the error) when the stream cannot be read further.
    bool handle(const yaml_event_t& event)
    {
        switch (event.type) {
        case YAML_DOCUMENT_START_EVENT:
            m_anchors.clear();
            return true;
        case YAML_SCALAR_EVENT:
            return scalar(event);
        case YAML_ALIAS_EVENT:
            return alias(event);
        case YAML_SEQUENCE_START_EVENT:
            return open(event, NodeType::sequence, text_of(event.data.sequence_start.anchor));
        case YAML_MAPPING_START_EVENT:
            return open(event, NodeType::mapping, text_of(event.data.mapping_start.anchor));
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            return close();
        default:
            return true;
        }
    }

  private:
    struct Frame {
        Node* node;
        std::string anchor;
        const Node* pending_key = nullptr;
    };

    Tree& m_tree;
    std::vector<Frame> m_open;
    std::unordered_map<std::string, const Node*> m_anchors;

    bool scalar(const yaml_event_t& event)
    {
        const auto& s = event.data.scalar;
        Node& node = m_tree.make();
        node.pos = to_position(event.start_mark);
        node.value.assign(reinterpret_cast<const char*>(s.value), s.length);
        node.plain = s.style == YAML_PLAIN_SCALAR_STYLE && s.tag == nullptr;
        node.quoted = s.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || s.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
        node.single_line = event.end_mark.line == event.start_mark.line;
        const bool null_word = node.value.empty() || node.value == "~" || node.value == "null" ||
                               node.value == "Null" || node.value == "NULL";
        node.type = node.plain && null_word ? NodeType::null : NodeType::scalar;
        remember(text_of(s.anchor), node);
        attach(&node);
        return true;
    }

    bool alias(const yaml_event_t& event)
    {
        const std::string name(text_of(event.data.alias.anchor));
        auto it = m_anchors.find(name);
        if (it == m_anchors.end()) {
            // Also an alias to a collection that is still open: refusing it rules out cycles.
            m_tree.error = SyntaxError{to_position(event.start_mark), fmt::format("unknown anchor '{}'", name)};
            return false;
        }
        attach(it->second);
        return true;
    }

    bool open(const yaml_event_t& event, NodeType type, std::string_view anchor)
    {
        Node& node = m_tree.make();
        node.type = type;
        node.pos = to_position(event.start_mark);
        m_open.push_back({&node, std::string(anchor)});
        return true;
    }

    bool close()
    {
        Frame frame = std::move(m_open.back());
        m_open.pop_back();
        remember(frame.anchor, *frame.node);
        attach(frame.node);
        return true;
    }

    void remember(std::string_view anchor, const Node& node)
    {
        if (!anchor.empty()) {
            m_anchors[std::string(anchor)] = &node;
        }
    }

    void attach(const Node* node)
    {
        if (m_open.empty()) {
            if (!node->is_null()) {
                m_tree.documents.push_back(node);
            }
            return;
        }
        Frame& parent = m_open.back();
        if (parent.node->is_sequence()) {
            parent.node->items.push_back(node);
        } else if (parent.pending_key == nullptr) {
            parent.pending_key = node;
        } else {
            parent.node->entries.emplace_back(parent.pending_key, node);
            parent.pending_key = nullptr;
        }
    }
};

} // namespace

void parse(std::string_view text, Tree& tree)
{
    yaml_parser_t parser;
    if (yaml_parser_initialize(&parser) == 0) {
        throw std::bad_alloc();
    }
    std::unique_ptr<yaml_parser_t, void (*)(yaml_parser_t*)> guard(&parser, yaml_parser_delete);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    Builder builder(tree);
    while (true) {
        yaml_event_t event;
        if (yaml_parser_parse(&parser, &event) == 0) {
            std::string message = parser.problem != nullptr ? parser.problem : "invalid YAML";
            if (parser.context != nullptr) {
                // "did not find expected key, while parsing a block mapping that starts on line 3"
                message += fmt::format(", {} that starts on line {}", parser.context, parser.context_mark.line + 1);
            }
            // The reader (control characters, bad encodings) gives an offset, not a mark.
            const Position at = parser.error == YAML_READER_ERROR ? position_of(text, parser.problem_offset)
                                                                  : to_position(parser.problem_mark);
            tree.error = SyntaxError{at, std::move(message)};
            return;
        }
        std::unique_ptr<yaml_event_t, void (*)(yaml_event_t*)> event_guard(&event, yaml_event_delete);
        if (event.type == YAML_STREAM_END_EVENT || !builder.handle(event)) {
            return;
        }
    }
}

const Node* child(const Node& map, std::string_view key)
{
    for (const auto& [k, v] : map.entries) {
        if (k->is_scalar() && k->value == key) {
            return v;
        }
    }
    return nullptr;
}

std::string describe(const Node& node)
{
    switch (node.type) {
    case NodeType::null:
        return "nothing";
    case NodeType::sequence:
        return "a list";
    case NodeType::mapping:
        return "a mapping";
    case NodeType::scalar: {
        constexpr std::size_t k_shown = 40;
        std::string shown = node.value.size() > k_shown ? node.value.substr(0, k_shown) + "..." : node.value;
        return (node.plain ? "'" : "the quoted text '") + shown + "'";
    }
    }
    return "nothing";
}

std::optional<long long> parse_integer(std::string_view text)
{
    if (text.empty() || text.front() == '+') {
        return std::nullopt;
    }
    // A leading zero means octal to some YAML readers: refuse it rather than guess.
    std::string_view digits = text.front() == '-' ? text.substr(1) : text;
    if (digits.size() > 1 && digits.front() == '0') {
        return std::nullopt;
    }
    long long value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<double> parse_number(std::string_view text)
{
    if (text.empty() || text.front() == '+') {
        return std::nullopt;
    }
    for (char c : text) {
        // Only decimal notation: no hex floats, inf or nan.
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == 'e' || c == 'E')) {
            return std::nullopt;
        }
    }
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<bool> parse_boolean(std::string_view text)
{
    if (text == "true") {
        return true;
    }
    if (text == "false") {
        return false;
    }
    return std::nullopt;
}

std::optional<double> parse_percentage(std::string_view text)
{
    if (text.size() < 2 || text.back() != '%') {
        return std::nullopt;
    }
    return parse_number(text.substr(0, text.size() - 1));
}

bool reads_as_non_text(std::string_view s)
{
    if (s.empty()) {
        return true;
    }
    for (std::string_view word : {"null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE"}) {
        if (s == word) {
            return true;
        }
    }
    // Only a digit, sign or dot can start a number: most text never reaches the regex.
    const char first = s.front();
    if (!((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.')) {
        return false;
    }
    // The YAML 1.2 core schema's number rules (spec 10.3.2), written out.
    static const std::regex k_number("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
                                     "|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
                                     "|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");
    return std::regex_match(s.begin(), s.end(), k_number);
}

} // namespace alignkit::yaml
