#include "audit/criteria_sql.hpp"

#include "alignkit/util/date.hpp"
#include "alignkit/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>

namespace alignkit {
namespace {

enum class Kind { unset, number, text, boolean, date, duration };

// An operand as SQL: its value, NULL when unset, and the kind it is when set.
struct Value {
    std::string sql;
    Kind kind = Kind::unset;
    bool ignore_case = false;
    std::optional<std::string> text; // a text constant as written, folded here rather than in SQL
};

Kind kind_of(FieldType type)
{
    switch (type) {
    case FieldType::text:
        return Kind::text;
    case FieldType::number:
    case FieldType::integer:
        return Kind::number;
    case FieldType::boolean:
        return Kind::boolean;
    case FieldType::date:
    case FieldType::datetime:
        return Kind::date;
    }
    return Kind::unset;
}

std::string sql_op(criteria::Op op)
{
    switch (op) {
    case criteria::Op::eq:
        return "=";
    case criteria::Op::ne:
        return "<>";
    case criteria::Op::lt:
        return "<";
    case criteria::Op::le:
        return "<=";
    case criteria::Op::gt:
        return ">";
    case criteria::Op::ge:
        return ">=";
    }
    return "=";
}

class Compiler {
  public:
    Compiler(const std::vector<SqlCell>& cells, const SqlSpelling& sql) : m_cells(cells), m_sql(sql) {}

    std::string condition(const criteria::Expr& e)
    {
        using namespace criteria;
        if (const auto* l = std::get_if<Logical>(&e.node)) {
            return fmt::format("({} {} {})", condition(*l->lhs), l->is_and ? "AND" : "OR", condition(*l->rhs));
        }
        if (const auto* n = std::get_if<Not>(&e.node)) {
            return fmt::format("(NOT {})", condition(*n->operand));
        }
        if (const auto* c = std::get_if<Compare>(&e.node)) {
            return compare(c->op, value(*c->lhs), value(*c->rhs));
        }
        if (const auto* in = std::get_if<InList>(&e.node)) {
            return in_list(value(*in->operand), in->items, in->negated);
        }
        if (const auto* has = std::get_if<Contains>(&e.node)) {
            auto a = value(*has->haystack), b = value(*has->needle);
            if (a.kind != Kind::text || b.kind != Kind::text) {
                return "FALSE";
            }
            const bool fold = a.ignore_case || b.ignore_case;
            return fmt::format("COALESCE({}, FALSE)",
                               m_sql.contains(fold ? folded(a) : a.sql, fold ? folded(b) : b.sql));
        }
        if (const auto* p = std::get_if<Presence>(&e.node)) {
            const auto a = value(*p->operand);
            if (a.kind == Kind::unset) {
                return p->set ? "FALSE" : "TRUE";
            }
            return fmt::format("({} IS {}NULL)", a.sql, p->set ? "NOT " : "");
        }
        // A bare field or constant: true when it is the boolean true.
        const auto a = value(e);
        return a.kind == Kind::boolean ? fmt::format("COALESCE({}, FALSE)", a.sql) : "FALSE";
    }

  private:
    const std::vector<SqlCell>& m_cells;
    const SqlSpelling& m_sql;

    // A text without regard to ASCII case.
    std::string folded(const Value& v) const { return v.text ? m_sql.text(lower_ascii(*v.text)) : m_sql.lower(v.sql); }

    Value constant(const criteria::Literal& literal)
    {
        return std::visit(
            [&](const auto& x) -> Value {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, double>) {
                    return {fmt::format("{}", x), Kind::number, false, std::nullopt};
                } else if constexpr (std::is_same_v<T, std::string>) {
                    return {m_sql.text(x), Kind::text, false, x};
                } else if constexpr (std::is_same_v<T, bool>) {
                    return {x ? "TRUE" : "FALSE", Kind::boolean, false, std::nullopt};
                } else if constexpr (std::is_same_v<T, Date>) {
                    return {m_sql.date(to_string(x)), Kind::date, false, std::nullopt};
                } else {
                    return {fmt::format("{}", x.minutes), Kind::duration, false, std::nullopt};
                }
            },
            literal);
    }

    Value value(const criteria::Expr& e)
    {
        if (const auto* k = std::get_if<criteria::Constant>(&e.node)) {
            return constant(k->value);
        }
        if (const auto* f = std::get_if<criteria::Field>(&e.node)) {
            const auto it = std::find_if(m_cells.begin(), m_cells.end(),
                                         [&](const SqlCell& c) { return c.reading->field == f->name; });
            if (it == m_cells.end()) {
                return {"NULL", Kind::unset, false, std::nullopt};
            }
            return {it->value, kind_of(it->reading->type), it->reading->ignore_case, std::nullopt};
        }
        return {condition(e), Kind::boolean, false, std::nullopt}; // a test used as a value: its truth
    }

    std::string compare(criteria::Op op, Value a, Value b) const
    {
        if (a.kind != b.kind || a.kind == Kind::unset) {
            return "FALSE"; // values of different kinds never compare
        }
        std::string o = sql_op(op);
        if (a.kind == Kind::text) {
            if (a.ignore_case || b.ignore_case) {
                a.sql = folded(a);
                b.sql = folded(b);
            }
            // Texts order byte by byte, as the CSV audit compares them, not by a locale's collation.
            if (m_sql.dialect() == SqlDialect::postgres && op != criteria::Op::eq && op != criteria::Op::ne) {
                a.sql += " COLLATE \"C\"";
            }
        }
        return fmt::format("COALESCE({} {} {}, FALSE)", a.sql, o, b.sql);
    }

    std::string in_list(const Value& a, const std::vector<criteria::Literal>& items, bool negated)
    {
        if (a.kind == Kind::unset) {
            return "FALSE";
        }
        std::vector<std::string> same_kind;
        for (const auto& item : items) {
            auto v = constant(item);
            if (v.kind == a.kind) {
                same_kind.push_back(a.ignore_case && v.kind == Kind::text ? folded(v) : v.sql);
            }
        }
        const auto value = a.ignore_case && a.kind == Kind::text ? m_sql.lower(a.sql) : a.sql;
        const std::string found =
            same_kind.empty() ? "FALSE" : fmt::format("{} IN ({})", value, fmt::join(same_kind, ", "));
        // An unset operand is in no list, and not "not in" one either.
        return fmt::format("(CASE WHEN {} IS NULL THEN FALSE ELSE {}({}) END)", a.sql, negated ? "NOT " : "", found);
    }
};

// The test that a cell is empty or one of the field's placeholders.
std::string missing_test(const CellReading& reading, const std::string& text, const SqlSpelling& sql)
{
    if (reading.missing.empty()) {
        return fmt::format("{} = ''", text);
    }
    std::vector<std::string> items{"''"};
    for (const auto& p : reading.missing) {
        items.push_back(sql.text(reading.ignore_case ? lower_ascii(p) : p));
    }
    return fmt::format("{} IN ({})", reading.ignore_case ? sql.lower(text) : text, fmt::join(items, ", "));
}

} // namespace

std::string sql_cell_value(const CellReading& reading, const std::string& text, const SqlSpelling& sql)
{
    const auto missing = missing_test(reading, text, sql);
    switch (reading.type) {
    case FieldType::text:
        return fmt::format("CASE WHEN {} THEN NULL ELSE {} END", missing, text);
    case FieldType::number:
    case FieldType::integer:
        return fmt::format("CASE WHEN {} THEN NULL WHEN {} THEN {} END", missing, sql.matches(text, k_sql_number),
                           sql.cast_double(text));
    case FieldType::boolean:
        return fmt::format("CASE WHEN {0} THEN NULL WHEN {1} IN ('true', 'yes', '1', 'y') THEN TRUE WHEN {1} IN "
                           "('false', 'no', '0', 'n') THEN FALSE END",
                           missing, sql.lower(text));
    case FieldType::date:
    case FieldType::datetime: {
        const auto day = fmt::format("SUBSTR({}, 1, 10)", text);
        return fmt::format("CASE WHEN {} THEN NULL WHEN {} AND {} THEN {} END", missing, sql.matches(day, k_sql_date),
                           sql.leap_day_ok(day), sql.cast_date(day));
    }
    }
    return "NULL";
}

std::string criteria_sql(const criteria::Expr& expr, const std::vector<SqlCell>& cells, const SqlSpelling& sql)
{
    return Compiler(cells, sql).condition(expr);
}

} // namespace alignkit
