#include "alignkit/exports/row_criterion.hpp"

#include "alignkit/util/date.hpp"
#include "alignkit/util/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace alignkit {
namespace {

// A number as every engine the audit's SQL runs in reads it too (k_sql_number in
// audit/sql_dialect.hpp): at most 200 digits on either side of the point and an exponent of
// one or two digits, so the CSV audit and the warehouse agree on 1e100 (not a number to
// either). `text` is already read by std::from_chars.
bool within_number_limits(std::string_view text)
{
    std::size_t i = text.starts_with('-') ? 1 : 0;
    auto digits = [&] {
        const auto from = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            ++i;
        }
        return i - from;
    };
    if (digits() > 200) {
        return false;
    }
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (digits() > 200) {
            return false;
        }
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
            ++i;
        }
        return digits() <= 2 && i == text.size();
    }
    return i == text.size();
}

using Value = CellValue::Kind;

// -1, 0 or 1 comparing texts byte by byte, or ASCII letters folded.
int compare_text(std::string_view a, std::string_view b, bool ignore_case)
{
    if (!ignore_case) {
        return a < b ? -1 : (b < a ? 1 : 0);
    }
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const char x = lower_ascii(a[i]), y = lower_ascii(b[i]);
        if (x != y) {
            return static_cast<unsigned char>(x) < static_cast<unsigned char>(y) ? -1 : 1;
        }
    }
    return a.size() < b.size() ? -1 : (b.size() < a.size() ? 1 : 0);
}

bool contains_text(std::string_view hay, std::string_view needle, bool ignore_case)
{
    if (!ignore_case) {
        return hay.find(needle) != std::string_view::npos;
    }
    if (needle.size() > hay.size()) {
        return false;
    }
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        if (equal_ignoring_case(hay.substr(i, needle.size()), needle)) {
            return true;
        }
    }
    return false;
}

// Values of different kinds do not compare.
std::optional<int> compare(const CellValue& a, const CellValue& b, bool ignore_case)
{
    if (a.kind != b.kind || a.kind == Value::unset) {
        return std::nullopt;
    }
    auto order = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
    switch (a.kind) {
    case Value::number:
    case Value::duration:
        return order(a.number, b.number);
    case Value::text:
        return compare_text(a.text, b.text, ignore_case);
    case Value::boolean:
        return order(a.boolean, b.boolean);
    case Value::date:
        return order(a.days, b.days);
    case Value::unset:
        break;
    }
    return std::nullopt;
}

bool op_holds(criteria::Op op, int c)
{
    switch (op) {
    case criteria::Op::eq:
        return c == 0;
    case criteria::Op::ne:
        return c != 0;
    case criteria::Op::lt:
        return c < 0;
    case criteria::Op::le:
        return c <= 0;
    case criteria::Op::gt:
        return c > 0;
    case criteria::Op::ge:
        return c >= 0;
    }
    return false;
}

} // namespace

bool is_missing(std::string_view cell, const CellReading& reading)
{
    return cell.empty() || std::any_of(reading.missing.begin(), reading.missing.end(), [&](const std::string& p) {
               return reading.ignore_case ? equal_ignoring_case(p, cell) : p == cell;
           });
}

CellValue read_cell(std::string_view cell, const CellReading& reading, const TimeFormat* layout)
{
    CellValue v;
    if (is_missing(cell, reading)) {
        return v;
    }
    switch (reading.type) {
    case FieldType::text:
        v.kind = Value::text;
        v.text = cell;
        return v;
    case FieldType::number:
    case FieldType::integer: {
        auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v.number);
        // NaN and infinities are no count or score: NaN would equal every number.
        v.unreadable = ec != std::errc{} || end != cell.data() + cell.size() || !std::isfinite(v.number) ||
                       !within_number_limits(cell);
        v.kind = v.unreadable ? Value::unset : Value::number;
        return v;
    }
    case FieldType::boolean:
        for (const char* yes : {"true", "yes", "1", "y"}) {
            v.kind = equal_ignoring_case(cell, yes) ? Value::boolean : v.kind;
        }
        v.boolean = v.kind == Value::boolean;
        for (const char* no : {"false", "no", "0", "n"}) {
            v.kind = equal_ignoring_case(cell, no) ? Value::boolean : v.kind;
        }
        v.unreadable = v.kind == Value::unset;
        return v;
    case FieldType::date:
    case FieldType::datetime: {
        // Dates compare by calendar day: the day as the export's layout writes it, else a
        // timestamp's first ten characters.
        if (layout != nullptr) {
            if (const auto written = layout->read(cell)) {
                v.kind = Value::date;
                v.days = static_cast<long>(floor_days(written->seconds));
            }
        } else if (const auto date = parse_date(cell.substr(0, 10))) {
            v.kind = Value::date;
            v.days = days_since_epoch(*date);
        }
        v.unreadable = v.kind == Value::unset;
        return v;
    }
    }
    return v;
}

RowCriterion::RowCriterion(const criteria::Expr& expr, const std::vector<CellReading>& readings,
                           std::optional<TimeFormat> layout)
    : m_texts(std::make_shared<std::deque<std::string>>()), m_readings(readings), m_layout(std::move(layout))
{
    compile(expr);
}

CellValue RowCriterion::constant(const criteria::Literal& value)
{
    CellValue v;
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, double>) {
                v.kind = Value::number;
                v.number = x;
            } else if constexpr (std::is_same_v<T, std::string>) {
                v.kind = Value::text;
                v.text = m_texts->emplace_back(x);
            } else if constexpr (std::is_same_v<T, bool>) {
                v.kind = Value::boolean;
                v.boolean = x;
            } else if constexpr (std::is_same_v<T, Date>) {
                v.kind = Value::date;
                v.days = days_since_epoch(x);
            } else {
                v.kind = Value::duration;
                v.number = static_cast<double>(x.minutes);
            }
        },
        value);
    return v;
}

RowCriterion::Operand RowCriterion::operand(const criteria::Expr& e)
{
    Operand o;
    if (const auto* k = std::get_if<criteria::Constant>(&e.node)) {
        o.constant = constant(k->value);
    } else if (const auto* f = std::get_if<criteria::Field>(&e.node)) {
        const auto it = std::find_if(m_readings.begin(), m_readings.end(),
                                     [&](const CellReading& r) { return r.field == f->name; });
        o.absent = it == m_readings.end();
        if (!o.absent) {
            o.reading = static_cast<std::size_t>(it - m_readings.begin());
        }
    } else {
        o.node = compile(e); // a parenthesised test used as a value: its truth
    }
    return o;
}

std::size_t RowCriterion::compile(const criteria::Expr& e)
{
    Node n;
    if (const auto* l = std::get_if<criteria::Logical>(&e.node)) {
        n.kind = l->is_and ? Kind::logical_and : Kind::logical_or;
        n.lhs = compile(*l->lhs);
        n.rhs = compile(*l->rhs);
    } else if (const auto* no = std::get_if<criteria::Not>(&e.node)) {
        n.kind = Kind::negate;
        n.lhs = compile(*no->operand);
    } else if (const auto* c = std::get_if<criteria::Compare>(&e.node)) {
        n.kind = Kind::compare;
        n.op = c->op;
        n.a = operand(*c->lhs);
        n.b = operand(*c->rhs);
        const bool equality = n.op == criteria::Op::eq || n.op == criteria::Op::ne;
        if (equality && n.b.reading && !n.a.reading && !n.a.node) {
            std::swap(n.a, n.b); // = and != read the same either way round
        }
        if (equality && n.a.reading && m_readings[*n.a.reading].type == FieldType::text && !n.b.reading && !n.b.node &&
            n.b.constant.kind == Value::text) {
            n.kind = Kind::text_equals;
        }
    } else if (const auto* in = std::get_if<criteria::InList>(&e.node)) {
        n.kind = Kind::in_list;
        n.a = operand(*in->operand);
        n.negated = in->negated;
        n.first_item = m_items.size();
        for (const auto& item : in->items) {
            m_items.push_back(constant(item));
        }
        n.items = in->items.size();
    } else if (const auto* has = std::get_if<criteria::Contains>(&e.node)) {
        n.kind = Kind::contains;
        n.a = operand(*has->haystack);
        n.b = operand(*has->needle);
    } else if (const auto* p = std::get_if<criteria::Presence>(&e.node)) {
        n.kind = Kind::presence;
        n.a = operand(*p->operand);
        n.negated = !p->set;
    } else {
        n.kind = Kind::truth; // a bare constant or field: true when it is the boolean true
        n.a = operand(e);
    }
    m_nodes.push_back(n);
    return m_nodes.size() - 1;
}

CellValue RowCriterion::value(const Operand& o, std::span<const std::string_view> cells, bool& ignore_case) const
{
    if (o.absent) {
        return {};
    }
    if (o.node) {
        CellValue v;
        v.kind = Value::boolean;
        v.boolean = eval(*o.node, cells);
        return v;
    }
    if (!o.reading) {
        return o.constant;
    }
    const auto& reading = m_readings[*o.reading];
    ignore_case = ignore_case || reading.ignore_case;
    const auto cell = reading.column < cells.size() ? cells[reading.column] : std::string_view{};
    return read_cell(cell, reading, m_layout ? &*m_layout : nullptr);
}

bool RowCriterion::eval(std::size_t index, std::span<const std::string_view> cells) const
{
    const Node& n = m_nodes[index];
    bool ignore_case = false;
    switch (n.kind) {
    case Kind::logical_and:
        return eval(n.lhs, cells) && eval(n.rhs, cells);
    case Kind::logical_or:
        return eval(n.lhs, cells) || eval(n.rhs, cells);
    case Kind::negate:
        return !eval(n.lhs, cells);
    case Kind::compare: {
        const auto a = value(n.a, cells, ignore_case);
        const auto b = value(n.b, cells, ignore_case);
        const auto order = compare(a, b, ignore_case);
        return order && op_holds(n.op, *order);
    }
    case Kind::text_equals: {
        const auto& reading = m_readings[*n.a.reading];
        const auto cell = reading.column < cells.size() ? cells[reading.column] : std::string_view{};
        if (cell.empty() || (!reading.missing.empty() && is_missing(cell, reading))) {
            return false; // unset: no comparison holds
        }
        const auto& text = n.b.constant.text;
        const bool same = reading.ignore_case ? equal_ignoring_case(cell, text) : cell == text;
        return n.op == criteria::Op::eq ? same : !same;
    }
    case Kind::in_list: {
        const auto a = value(n.a, cells, ignore_case);
        if (a.kind == Value::unset) {
            return false;
        }
        bool found = false;
        for (std::size_t i = 0; i < n.items && !found; ++i) {
            const auto order = compare(a, m_items[n.first_item + i], ignore_case);
            found = order && *order == 0;
        }
        return n.negated ? !found : found;
    }
    case Kind::contains: {
        const auto a = value(n.a, cells, ignore_case);
        const auto b = value(n.b, cells, ignore_case);
        return a.kind == Value::text && b.kind == Value::text && contains_text(a.text, b.text, ignore_case);
    }
    case Kind::presence: {
        const bool set = value(n.a, cells, ignore_case).kind != Value::unset;
        return n.negated ? !set : set;
    }
    case Kind::truth: {
        const auto a = value(n.a, cells, ignore_case);
        return a.kind == Value::boolean && a.boolean;
    }
    }
    return false;
}

bool RowCriterion::holds(std::span<const std::string_view> cells) const { return eval(m_nodes.size() - 1, cells); }

} // namespace alignkit
