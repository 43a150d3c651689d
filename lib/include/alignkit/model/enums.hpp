#pragma once
// The word lists configs use, each declared once. `to_string`, `parse_enum` and the
// schema's allowed values all read the same table, so they cannot drift apart.

#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace alignkit {

// A table of YAML spellings indexed by enumerator value; specialised below per enum.
template <class E> struct EnumNames;

// The teams a person or a responsibility belongs to.
enum class Team { sales, marketing, leadership, revops, other };
template <> struct EnumNames<Team> {
    static constexpr std::array<std::string_view, 5> names{"sales", "marketing", "leadership", "revops", "other"};
};

// The four maturity stages of the sales-marketing relationship, in order.
enum class Stage { undefined, defined, aligned, integrated };
template <> struct EnumNames<Stage> {
    static constexpr std::array<std::string_view, 4> names{"undefined", "defined", "aligned", "integrated"};
};

// How often something recurring happens.
enum class Cadence { daily, weekly, biweekly, monthly, quarterly, yearly, as_needed };
template <> struct EnumNames<Cadence> {
    static constexpr std::array<std::string_view, 7> names{"daily",     "weekly", "biweekly", "monthly",
                                                           "quarterly", "yearly", "as_needed"};
};

// The period a target is measured over.
enum class Period { week, month, quarter, year };
template <> struct EnumNames<Period> {
    static constexpr std::array<std::string_view, 4> names{"week", "month", "quarter", "year"};
};

enum class Weekday { mon, tue, wed, thu, fri, sat, sun };
template <> struct EnumNames<Weekday> {
    static constexpr std::array<std::string_view, 7> names{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
};

// The type of a lead field that lifecycle criteria may use.
// How the audit knows a lead reached a lifecycle stage or took an exit: its date field is
// set, its entry criterion holds on the record, a later stage was reached, or every record
// of the export is at the stage or past it (an MQL export, a deal pipeline).
enum class Evidence { date, entry, later, all };
template <> struct EnumNames<Evidence> {
    static constexpr std::array<std::string_view, 4> names{"date", "entry", "later", "all"};
};

enum class FieldType { text, number, integer, boolean, date, datetime };
template <> struct EnumNames<FieldType> {
    static constexpr std::array<std::string_view, 6> names{"text", "number", "integer", "boolean", "date", "datetime"};
};

template <class E> constexpr std::span<const std::string_view> enum_names() { return EnumNames<E>::names; }

template <class E> constexpr std::string_view to_string(E value)
{
    return EnumNames<E>::names[static_cast<std::size_t>(value)];
}

template <class E> constexpr std::optional<E> parse_enum(std::string_view text)
{
    const auto& names = EnumNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == text) {
            return static_cast<E>(i);
        }
    }
    return std::nullopt;
}

} // namespace alignkit
