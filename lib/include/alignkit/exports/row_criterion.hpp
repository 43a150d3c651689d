#pragma once
// Lifecycle criteria compiled for a CSV record: fields resolved to columns once, constants
// converted once, so evaluating one record reads its cells where they lie and allocates
// nothing. `sla audit` evaluates stage criteria on every row with it, and `leads classify`
// decides stages with it, so both read a cell the same way.

#include "alignkit/exports/time_format.hpp"
#include "alignkit/model/criteria.hpp"
#include "alignkit/model/lead_definitions.hpp"

#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

// How one field's cells are read: where, as what, and what counts as not answered.
struct CellReading {
    std::string field;
    std::size_t column = 0;
    FieldType type = FieldType::text;
    std::vector<std::string> missing; // cells equal to one of these are empty
    bool ignore_case = false;
};

// A cell as criteria see it. `set` is false for an empty cell, a placeholder, and a value its
// type cannot read (`unreadable` then).
struct CellValue {
    enum class Kind { unset, number, text, boolean, date, duration } kind = Kind::unset;
    double number = 0; // numbers; durations in minutes
    std::string_view text;
    bool boolean = false;
    long days = 0; // dates
    bool unreadable = false;
};

// Whether a cell is empty or one of the field's placeholders (without case when it ignores case).
bool is_missing(std::string_view cell, const CellReading& reading);

// `cell` read as `reading` says; dates by calendar day, in `layout` when given.
CellValue read_cell(std::string_view cell, const CellReading& reading, const TimeFormat* layout);

class RowCriterion {
  public:
    // `readings` lists every field the expression may use (those without a column are absent:
    // such a field is never set). Keeps pointers into neither argument.
    RowCriterion(const criteria::Expr& expr, const std::vector<CellReading>& readings,
                 std::optional<TimeFormat> layout);

    // Whether the criteria hold for the record, as the criteria language defines: a
    // comparison with an unset field is false; text compares byte-exact unless a field of it
    // ignores case.
    bool holds(std::span<const std::string_view> cells) const;

  private:
    struct Operand {
        std::optional<std::size_t> reading; // into m_readings, for a field
        std::optional<std::size_t> node;    // into m_nodes, for a test used as a value: its truth
        CellValue constant;                 // for neither
        bool absent = false;                // a field without a column
    };
    // text_equals: `field = "text"` (or !=) on a text field, the commonest test on a status
    // column, read without the general path.
    enum class Kind { logical_and, logical_or, negate, compare, text_equals, in_list, contains, presence, truth };
    struct Node {
        Kind kind = Kind::truth;
        std::size_t lhs = 0, rhs = 0; // nodes, for and / or / not
        criteria::Op op = criteria::Op::eq;
        Operand a, b;
        std::size_t first_item = 0, items = 0; // into m_items
        bool negated = false;                  // not in, is empty
    };
    std::vector<Node> m_nodes; // the root last
    std::vector<CellValue> m_items;
    // The constants' text, which CellValues view: shared by copies, never moved.
    std::shared_ptr<std::deque<std::string>> m_texts;
    std::vector<CellReading> m_readings;
    std::optional<TimeFormat> m_layout;

    std::size_t compile(const criteria::Expr& e);
    Operand operand(const criteria::Expr& e);
    CellValue constant(const criteria::Literal& value);
    CellValue value(const Operand& o, std::span<const std::string_view> cells, bool& ignore_case) const;
    bool eval(std::size_t node, std::span<const std::string_view> cells) const;
};

} // namespace alignkit
