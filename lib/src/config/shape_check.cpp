#include "config/shape_check.hpp"

#include "alignkit/model/duration.hpp"
#include "alignkit/util/date.hpp"
#include "alignkit/util/text.hpp"
#include "config/yaml_tree.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <limits>
#include <map>
#include <set>

namespace alignkit {
namespace {

using decl::TypeDecl;
using decl::ValueKind;

class Checker {
  public:
    // A silent checker only answers whether a value fits: it reports nothing.
    explicit Checker(ShapeContext& ctx, bool silent = false) : m_ctx(ctx), m_silent(silent) {}

    bool check(const yaml::Node& node, const TypeDecl& type)
    {
        if (!visit()) {
            return false;
        }
        switch (type.kind) {
        case ValueKind::object:
            return check_object(node, type);
        case ValueKind::list:
            return check_list(node, type);
        case ValueKind::map:
            return check_map(node, type);
        case ValueKind::one_of:
            return check_one_of(node, type);
        default:
            return check_scalar(node, type);
        }
    }

  private:
    ShapeContext& m_ctx;
    bool m_silent;
    Diagnostic m_discarded; // where a silent checker's reports go

    bool visit()
    {
        if (m_ctx.budget_exhausted) {
            return false;
        }
        if (m_ctx.budget == 0) {
            m_ctx.budget_exhausted = true;
            m_ctx.diags.add(Code::too_many_nodes, std::string(m_ctx.file), {},
                            "the document expands to more values than a config can hold",
                            "remove anchors and aliases that refer to each other");
            return false;
        }
        --m_ctx.budget;
        return true;
    }

    // "'spec.handoff.within'", or "the document" at the top.
    std::string where() const
    {
        auto path = m_ctx.path_string();
        return path.empty() ? "the document" : "'" + path + "'";
    }

    Diagnostic& report(Code code, const yaml::Node& node, std::string message, std::string hint = {})
    {
        if (m_silent) {
            return m_discarded;
        }
        auto& d = m_ctx.diags.add(code, std::string(m_ctx.file), node.pos, std::move(message), std::move(hint));
        if (node.is_scalar() && node.plain) {
            d.length = std::max(1, static_cast<int>(node.value.size()));
        }
        return d;
    }

    // Problems of a whole mapping or list are shown at the key that holds it ("spec:"),
    // which is where the reader looks; a list item has no key, so its own position is used.
    Diagnostic& report_at_key(Code code, const yaml::Node& node, std::string message, std::string hint = {})
    {
        auto& d = report(code, node, std::move(message), std::move(hint));
        if (!m_ctx.path.empty() && !m_ctx.path.back().key.empty() && m_ctx.path.back().key_mark.line > 0) {
            d.pos = m_ctx.path.back().key_mark;
            d.length = static_cast<int>(m_ctx.path.back().key.size());
        }
        return d;
    }

    bool wrong_type(const yaml::Node& node, const TypeDecl& type)
    {
        std::string hint;
        if (type.kind == ValueKind::list && node.is_scalar()) {
            hint = "write a list, even of one item: [" + node.value + "]";
        } else if (!node.plain && node.is_scalar() &&
                   (type.kind == ValueKind::integer || type.kind == ValueKind::number ||
                    type.kind == ValueKind::boolean)) {
            hint = "remove the quotes: quoted values are always text";
        }
        report(Code::wrong_type, node,
               fmt::format("{} must be {}, found {}", where(), decl::expected_phrase(type), yaml::describe(node)),
               std::move(hint));
        return false;
    }

    bool check_object(const yaml::Node& node, const TypeDecl& type)
    {
        if (!node.is_map()) {
            return wrong_type(node, type);
        }
        bool ok = true;
        std::map<std::string_view, Position> seen; // a key looked up, not searched for: mappings of 40,000 labels
        for (const auto& [key_node, value] : node.entries) {
            const yaml::Node& key = *key_node;
            if (!key.is_scalar()) {
                report(Code::wrong_type, key,
                       fmt::format("keys in {} must be text, found {}", where(), yaml::describe(key)));
                ok = false;
                continue;
            }
            const std::string& name = key.value;
            if (!note_key(key, seen)) {
                ok = false;
                continue;
            }
            const auto* field = type.field(name);
            if (field == nullptr) {
                std::vector<std::string_view> names;
                for (const auto& f : type.fields) {
                    names.push_back(f.name);
                }
                auto hint = did_you_mean(name, names);
                if (hint.empty()) {
                    hint = "known keys here: " + quoted_list(names, "and");
                }
                report(Code::unknown_key, key, fmt::format("unknown key '{}' in {}", name, where()), std::move(hint))
                    .length = static_cast<int>(name.size());
                ok = false;
                continue;
            }
            m_ctx.path.push_back({field->name, 0, key.pos});
            ok = check(*value, *field->type) && ok;
            m_ctx.path.pop_back();
        }
        auto present = [&](std::string_view name) { return seen.contains(name); };
        for (const auto& f : type.fields) {
            if (f.required && !present(f.name)) {
                report_at_key(Code::missing_key, node,
                              fmt::format("{} is missing the required key '{}'", where(), f.name), add_key_hint(f));
                ok = false;
            }
        }
        if (!type.one_required.empty()) {
            auto count = std::count_if(type.one_required.begin(), type.one_required.end(), present);
            if (count != 1) {
                report_at_key(count == 0 ? Code::missing_key : Code::conflicting_keys, node,
                              fmt::format("{} needs exactly one of {}", where(), quoted_list(type.one_required)));
                ok = false;
            }
        }
        return ok;
    }

    // "add 'version': the SLA's version, such as '2.1'", from the field's description.
    static std::string add_key_hint(const decl::FieldDecl& field)
    {
        std::string what(field.description);
        if (!what.empty() && what.back() == '.') {
            what.pop_back();
        }
        if (!what.empty() && std::isupper(static_cast<unsigned char>(what[0])) != 0 &&
            (what.size() < 2 || std::islower(static_cast<unsigned char>(what[1])) != 0)) {
            what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
        }
        return fmt::format("add '{}': {}", field.name, what);
    }

    // Records a key; reports it and returns false when it was seen before in this mapping.
    bool note_key(const yaml::Node& key, std::map<std::string_view, Position>& seen)
    {
        const std::string& name = key.value;
        const auto [at, added] = seen.try_emplace(name, key.pos);
        if (!added) {
            report(Code::duplicate_key, key, fmt::format("duplicate key '{}' in {}", name, where()),
                   fmt::format("it is already set on line {}", at->second.line))
                .length = static_cast<int>(name.size());
            return false;
        }
        return true;
    }

    bool check_list(const yaml::Node& node, const TypeDecl& type)
    {
        if (!node.is_sequence()) {
            return wrong_type(node, type);
        }
        if (node.items.size() < type.min_items) {
            report_at_key(Code::empty_list, node,
                          fmt::format("{} needs at least {} {}", where(), type.min_items,
                                      type.min_items == 1 ? "entry" : "entries"));
            return false;
        }
        bool ok = true;
        std::size_t index = 0;
        for (const auto* item : node.items) {
            m_ctx.path.push_back({{}, index++, {}});
            ok = check(*item, *type.items) && ok;
            m_ctx.path.pop_back();
            if (m_ctx.budget_exhausted) {
                return false;
            }
        }
        return ok;
    }

    bool check_map(const yaml::Node& node, const TypeDecl& type)
    {
        if (!node.is_map()) {
            return wrong_type(node, type);
        }
        bool ok = true;
        std::map<std::string_view, Position> seen; // a key looked up, not searched for: mappings of 40,000 labels
        for (const auto& [key, value] : node.entries) {
            if (!key->is_scalar()) {
                report(Code::wrong_type, *key,
                       fmt::format("keys in {} must be text, found {}", where(), yaml::describe(*key)));
                ok = false;
                continue;
            }
            if (!note_key(*key, seen)) {
                ok = false;
                continue;
            }
            m_ctx.path.push_back({key->value, 0, key->pos});
            ok = check(*value, *type.items) && ok;
            m_ctx.path.pop_back();
            if (m_ctx.budget_exhausted) {
                return false;
            }
        }
        return ok;
    }

    bool check_one_of(const yaml::Node& node, const TypeDecl& type)
    {
        for (const auto& alternative : type.alternatives) {
            const bool is_collection = alternative->kind == ValueKind::object || alternative->kind == ValueKind::list ||
                                       alternative->kind == ValueKind::map;
            if (is_collection && (node.is_map() || node.is_sequence())) {
                return check(node, *alternative); // the shape decides: report inside it
            }
            if (!is_collection && node.is_scalar() && Checker(m_ctx, true).check_scalar(node, *alternative)) {
                return true;
            }
        }
        return wrong_type(node, type);
    }

    bool check_scalar(const yaml::Node& node, const TypeDecl& type)
    {
        if (!node.is_scalar()) {
            return wrong_type(node, type);
        }
        const std::string& text = node.value;
        const bool plain = node.plain;
        switch (type.kind) {
        case ValueKind::text:
            if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
                report(Code::empty_value, node, fmt::format("{} is empty", where()));
                return false;
            }
            // An unquoted 2.10 is the number 2.1 to every other YAML reader: text must be text.
            if (plain && yaml::reads_as_non_text(text)) {
                report(Code::wrong_type, node, fmt::format("{} must be text, found {}", where(), yaml::describe(node)),
                       fmt::format("quote it: \"{}\"", text));
                return false;
            }
            return true;
        case ValueKind::name:
            return check_name(node, text);
        case ValueKind::integer: {
            auto value = plain ? yaml::parse_integer(text) : std::nullopt;
            if (!value) {
                return wrong_type(node, type);
            }
            return check_range(node, type, static_cast<double>(*value), text);
        }
        case ValueKind::number: {
            auto value = plain ? yaml::parse_number(text) : std::nullopt;
            if (!value) {
                return wrong_type(node, type);
            }
            return check_range(node, type, *value, text);
        }
        case ValueKind::boolean:
            if (!plain || !yaml::parse_boolean(text)) {
                return wrong_type(node, type);
            }
            return true;
        case ValueKind::duration:
            if (!parse_duration(text)) {
                bool bare_number = yaml::parse_number(text).has_value();
                report(Code::invalid_duration, node, fmt::format("'{}' is not a duration ({})", text, where()),
                       bare_number ? fmt::format("add a unit: '{}h' for hours, '{}d' for days", text, text)
                                   : "write whole numbers with units w, d, h, m, largest first: 90m, 1h30m, 3d, 2w");
                return false;
            }
            return true;
        case ValueKind::date:
            if (!parse_date(text)) {
                report(Code::invalid_date, node, fmt::format("'{}' is not a valid date ({})", text, where()),
                       "write dates as YYYY-MM-DD, such as 2027-01-31");
                return false;
            }
            return true;
        case ValueKind::time_range:
            if (!parse_time_range(text)) {
                report(Code::invalid_time, node,
                       fmt::format("'{}' is not a range of working hours ({})", text, where()),
                       "write the range on a 24-hour clock, such as 09:00-17:30");
                return false;
            }
            return true;
        case ValueKind::percentage: {
            auto value = yaml::parse_percentage(text);
            if (!value) {
                auto number = plain ? yaml::parse_number(text) : std::nullopt;
                report(Code::invalid_percentage, node, fmt::format("'{}' is not a percentage ({})", text, where()),
                       number && *number <= 1.0 ? fmt::format("write {}% rather than {}", *number * 100, text)
                                                : "write it with a percent sign, such as 25%");
                return false;
            }
            return check_range(node, type, *value, text);
        }
        case ValueKind::enumeration:
        case ValueKind::constant: {
            if (std::find(type.values.begin(), type.values.end(), text) != type.values.end()) {
                return true;
            }
            auto hint = did_you_mean(text, type.values);
            report(Code::invalid_enum, node,
                   fmt::format("'{}' is not allowed for {}; expected {}", text, where(), decl::expected_phrase(type)),
                   std::move(hint));
            return false;
        }
        default:
            return wrong_type(node, type);
        }
    }

    bool check_name(const yaml::Node& node, const std::string& text)
    {
        if (is_slug(text)) {
            return true;
        }
        std::string suggestion;
        for (char c : text) {
            const auto u = static_cast<unsigned char>(c);
            if (std::isalnum(u) != 0) {
                suggestion += static_cast<char>(std::tolower(u));
            } else if (!suggestion.empty() && suggestion.back() != '-') {
                suggestion += '-';
            }
        }
        while (!suggestion.empty() && suggestion.back() == '-') {
            suggestion.pop_back();
        }
        report(Code::invalid_name, node, fmt::format("'{}' is not a valid name ({})", text, where()),
               suggestion.empty() || std::isalpha(static_cast<unsigned char>(suggestion.front())) == 0
                   ? "use lowercase letters, digits, '-' and '_', starting with a letter"
                   : fmt::format("try '{}'", suggestion.substr(0, 63)));
        return false;
    }

    bool check_range(const yaml::Node& node, const TypeDecl& type, double value, const std::string& text)
    {
        const bool below = type.minimum && (type.exclusive_minimum ? value <= *type.minimum : value < *type.minimum);
        const bool above = type.maximum && value > *type.maximum;
        if (!below && !above) {
            return true;
        }
        std::string range;
        if (type.minimum && type.maximum) {
            range = fmt::format("between {} and {}", *type.minimum, *type.maximum);
        } else if (type.minimum) {
            range = type.exclusive_minimum ? fmt::format("greater than {}", *type.minimum)
                                           : fmt::format("at least {}", *type.minimum);
        } else {
            range = fmt::format("at most {}", *type.maximum);
        }
        report(Code::out_of_range, node, fmt::format("{} must be {}, found {}", where(), range, text));
        return false;
    }
};

} // namespace

std::string ShapeContext::path_string() const
{
    std::string out;
    for (const auto& part : path) {
        if (part.key.empty()) {
            out += fmt::format("[{}]", part.index);
        } else {
            if (!out.empty()) {
                out += '.';
            }
            out += part.key;
        }
    }
    return out;
}

bool check_shape(const yaml::Node& node, const decl::TypeDecl& type, ShapeContext& ctx)
{
    return Checker(ctx).check(node, type);
}

const yaml::Node* fitting_part(const yaml::Node& node, const decl::TypeDecl& type, yaml::Tree& tree)
{
    Diagnostics discarded;
    ShapeContext silent{"", discarded, std::numeric_limits<std::size_t>::max(), false, {}};
    if (Checker(silent, true).check(node, type)) {
        return &node;
    }
    // A mapping's entries that fit, each key once: `type_of` gives a key's declared type
    // (nullptr: unknown, left out).
    auto kept_entries = [&](auto type_of) {
        yaml::Node& out = tree.make();
        out.type = node.type;
        out.pos = node.pos;
        std::set<std::string_view> seen;
        for (const auto& [key, value] : node.entries) {
            const decl::TypeDecl* value_type = key->is_scalar() ? type_of(key->value) : nullptr;
            if (value_type == nullptr || !seen.insert(key->value).second) {
                continue;
            }
            if (const auto* part = fitting_part(*value, *value_type, tree)) {
                out.entries.emplace_back(key, part);
            }
        }
        return &out;
    };
    switch (type.kind) {
    case ValueKind::object: {
        if (!node.is_map()) {
            return nullptr;
        }
        const auto* out = kept_entries([&](std::string_view key) {
            const auto* field = type.field(key);
            return field != nullptr ? field->type.get() : nullptr;
        });
        auto present = [&](std::string_view name) {
            return std::any_of(out->entries.begin(), out->entries.end(),
                               [&](const auto& e) { return e.first->value == name; });
        };
        const bool complete = std::all_of(type.fields.begin(), type.fields.end(),
                                          [&](const auto& f) { return !f.required || present(f.name); });
        const bool one = type.one_required.empty() ||
                         std::count_if(type.one_required.begin(), type.one_required.end(), present) == 1;
        return complete && one ? out : nullptr;
    }
    case ValueKind::map:
        return node.is_map() ? kept_entries([&](std::string_view) { return type.items.get(); }) : nullptr;
    case ValueKind::list: {
        if (!node.is_sequence()) {
            return nullptr;
        }
        yaml::Node& out = tree.make();
        out.type = node.type;
        out.pos = node.pos;
        for (const auto* item : node.items) {
            if (const auto* part = fitting_part(*item, *type.items, tree)) {
                out.items.push_back(part);
            }
        }
        return out.items.size() >= type.min_items ? &out : nullptr;
    }
    default:
        return nullptr; // a scalar or a choice of shapes fits whole or not at all
    }
}

} // namespace alignkit
