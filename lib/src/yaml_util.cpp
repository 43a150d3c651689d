#include "yaml_util.hpp"

#include <charconv>
#include <cmath>
#include <regex>

namespace alignkit::yaml {

std::optional<YAML::Node> child(const YAML::Node& map, std::string_view key)
{
    if (!map.IsMap()) {
        return std::nullopt;
    }
    for (const auto& entry : map) {
        if (entry.first.IsScalar() && entry.first.Scalar() == key) {
            return entry.second;
        }
    }
    return std::nullopt;
}

std::string describe(const YAML::Node& node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null: return "nothing";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Scalar: {
        constexpr std::size_t k_shown = 40;
        const std::string& s = node.Scalar();
        std::string shown = s.size() > k_shown ? s.substr(0, k_shown) + "..." : s;
        return (is_plain(node) ? "'" : "the quoted text '") + shown + "'";
    }
    case YAML::NodeType::Undefined: return "nothing";
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
    static const std::regex k_non_text(
        "[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
        "|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
        "|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");
    return std::regex_match(s.begin(), s.end(), k_non_text);
}

std::optional<double> parse_percentage(std::string_view text)
{
    if (text.size() < 2 || text.back() != '%') {
        return std::nullopt;
    }
    return parse_number(text.substr(0, text.size() - 1));
}

} // namespace alignkit::yaml
