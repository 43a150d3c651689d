// Lifecycle criteria printed back: the canonical spelling and plain words for documents.

#include "alignkit/model/criteria.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace alignkit::criteria {
namespace {

// A number as the criteria language writes one: the shortest digits that read back as the
// same value, in plain decimal notation (the language has no exponents), so that printing
// and parsing again gives the same criterion.
std::string number_text(double value)
{
    std::string shortest = fmt::format("{}", value);
    const auto e = shortest.find('e');
    if (e == std::string::npos) {
        return shortest;
    }
    const int exponent = std::stoi(shortest.substr(e + 1));
    std::string mantissa = shortest.substr(0, e);
    const bool negative = mantissa.front() == '-';
    if (negative) {
        mantissa.erase(0, 1);
    }
    const auto dot = mantissa.find('.');
    std::string digits = mantissa;
    int point = static_cast<int>(mantissa.size()); // digits before the decimal point
    if (dot != std::string::npos) {
        digits.erase(dot, 1);
        point = static_cast<int>(dot);
    }
    point += exponent;
    std::string out;
    if (point <= 0) {
        out = "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
    } else if (static_cast<std::size_t>(point) >= digits.size()) {
        out = digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0');
    } else {
        out = digits.substr(0, static_cast<std::size_t>(point)) + "." + digits.substr(static_cast<std::size_t>(point));
    }
    return negative ? "-" + out : out;
}

std::string literal_text(const Literal& value)
{
    switch (value.index()) {
    case 0:
        return number_text(std::get<double>(value));
    case 1: {
        std::string out = "\"";
        for (char c : std::get<std::string>(value)) {
            if (c == '"' || c == '\\') {
                out += '\\';
            }
            out += c;
        }
        return out + "\"";
    }
    case 2:
        return std::get<bool>(value) ? "true" : "false";
    case 3:
        return to_string(std::get<Date>(value));
    default:
        return to_string(std::get<Duration>(value));
    }
}

std::string literal_words(const Literal& value)
{
    if (const auto* s = std::get_if<std::string>(&value)) {
        return *s;
    }
    return literal_text(value);
}

std::string field_words(std::string_view name)
{
    std::string out(name);
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

// Precedence, for parentheses: or < and < not < tests < fields and values. A test's operands
// are printed at the highest, so a test inside a test keeps its parentheses.
constexpr int k_operand = 5;
int precedence(const Expr& e)
{
    if (const auto* l = std::get_if<Logical>(&e.node)) {
        return l->is_and ? 2 : 1;
    }
    if (std::holds_alternative<Not>(e.node)) {
        return 3;
    }
    return std::holds_alternative<Constant>(e.node) || std::holds_alternative<Field>(e.node) ? k_operand : 4;
}

std::string print(const Expr& e, bool words);

std::string child(const Expr& e, int parent_precedence, bool words)
{
    std::string inner = print(e, words);
    return precedence(e) < parent_precedence ? "(" + inner + ")" : inner;
}

std::string list_text(const std::vector<Literal>& items, bool words)
{
    std::vector<std::string> parts;
    parts.reserve(items.size());
    for (const auto& item : items) {
        parts.push_back(words ? literal_words(item) : literal_text(item));
    }
    if (!words) {
        return fmt::format("[{}]", fmt::join(parts, ", "));
    }
    if (parts.size() <= 1) {
        return parts.empty() ? "nothing" : parts.front();
    }
    std::string last = parts.back();
    parts.pop_back();
    return fmt::format("{} or {}", fmt::join(parts, ", "), last);
}

std::string_view op_words(Op op)
{
    switch (op) {
    case Op::eq:
        return "is";
    case Op::ne:
        return "is not";
    case Op::lt:
        return "is less than";
    case Op::le:
        return "is at most";
    case Op::gt:
        return "is more than";
    case Op::ge:
        return "is at least";
    }
    return "is";
}

std::string print(const Expr& e, bool words)
{
    if (const auto* k = std::get_if<Constant>(&e.node)) {
        return words ? literal_words(k->value) : literal_text(k->value);
    }
    if (const auto* f = std::get_if<Field>(&e.node)) {
        return words ? field_words(f->name) : f->name;
    }
    if (const auto* c = std::get_if<Compare>(&e.node)) {
        return fmt::format("{} {} {}", child(*c->lhs, k_operand, words), words ? op_words(c->op) : to_string(c->op),
                           child(*c->rhs, k_operand, words));
    }
    if (const auto* in = std::get_if<InList>(&e.node)) {
        if (words) {
            return fmt::format("{} is {}one of {}", child(*in->operand, k_operand, true), in->negated ? "not " : "",
                               list_text(in->items, true));
        }
        return fmt::format("{} {}in {}", child(*in->operand, k_operand, false), in->negated ? "not " : "",
                           list_text(in->items, false));
    }
    if (const auto* has = std::get_if<Contains>(&e.node)) {
        return fmt::format("{} contains {}", child(*has->haystack, k_operand, words),
                           child(*has->needle, k_operand, words));
    }
    if (const auto* p = std::get_if<Presence>(&e.node)) {
        if (words) {
            return fmt::format("{} {}", child(*p->operand, k_operand, true), p->set ? "is filled in" : "is empty");
        }
        return fmt::format("{} is {}", child(*p->operand, k_operand, false), p->set ? "set" : "empty");
    }
    if (const auto* n = std::get_if<Not>(&e.node)) {
        return fmt::format("not {}", child(*n->operand, 3, words));
    }
    const auto& l = std::get<Logical>(e.node);
    const int mine = l.is_and ? 2 : 1;
    return fmt::format("{} {} {}", child(*l.lhs, mine, words), l.is_and ? "and" : "or", child(*l.rhs, mine, words));
}

} // namespace

std::string to_string(const Expr& expr) { return print(expr, false); }

std::string to_words(const Expr& expr) { return print(expr, true); }

namespace {

void collect_fields(const Expr& e, std::set<std::string, std::less<>>& out)
{
    std::visit(
        [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, Field>) {
                out.insert(node.name);
            } else if constexpr (std::is_same_v<T, Compare> || std::is_same_v<T, Logical>) {
                collect_fields(*node.lhs, out);
                collect_fields(*node.rhs, out);
            } else if constexpr (std::is_same_v<T, Contains>) {
                collect_fields(*node.haystack, out);
                collect_fields(*node.needle, out);
            } else if constexpr (std::is_same_v<T, InList> || std::is_same_v<T, Presence> || std::is_same_v<T, Not>) {
                collect_fields(*node.operand, out);
            }
        },
        e.node);
}

} // namespace

std::set<std::string, std::less<>> fields_used(const Expr& expr)
{
    std::set<std::string, std::less<>> out;
    collect_fields(expr, out);
    return out;
}

} // namespace alignkit::criteria
