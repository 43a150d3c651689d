// Type checking and range analysis of parsed lifecycle criteria.

#include "alignkit/model/criteria.hpp"
#include "alignkit/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace alignkit::criteria {
namespace {

// What a value is, for type checking: integer and number fields compare with each other,
// dates with datetimes.
enum class Category { unknown, number, text, boolean, date, duration };

std::string_view name_of(Category c)
{
    switch (c) {
    case Category::number:
        return "a number";
    case Category::text:
        return "text";
    case Category::boolean:
        return "true or false";
    case Category::date:
        return "a date";
    case Category::duration:
        return "a duration";
    case Category::unknown:
        return "unknown";
    }
    return "unknown";
}

Category of_literal(const Literal& value)
{
    switch (value.index()) {
    case 0:
        return Category::number;
    case 1:
        return Category::text;
    case 2:
        return Category::boolean;
    case 3:
        return Category::date;
    default:
        return Category::duration;
    }
}

Category of_field(FieldType type)
{
    switch (type) {
    case FieldType::text:
        return Category::text;
    case FieldType::number:
    case FieldType::integer:
        return Category::number;
    case FieldType::boolean:
        return Category::boolean;
    case FieldType::date:
    case FieldType::datetime:
        return Category::date;
    }
    return Category::unknown;
}

class TypeChecker {
  public:
    explicit TypeChecker(const FieldTypes& fields) : m_fields(fields) {}

    std::vector<TypeProblem> problems;

    void condition(const Expr& e)
    {
        if (const auto* n = std::get_if<Not>(&e.node)) {
            condition(*n->operand);
        } else if (const auto* l = std::get_if<Logical>(&e.node)) {
            condition(*l->lhs);
            condition(*l->rhs);
        } else if (const auto* c = std::get_if<Compare>(&e.node)) {
            compare(e, *c);
        } else if (const auto* in = std::get_if<InList>(&e.node)) {
            const Category operand = value(*in->operand);
            for (const auto& item : in->items) {
                if (operand != Category::unknown && of_literal(item) != operand) {
                    mismatch(e, fmt::format("the list holds {} but '{}' is {}", name_of(of_literal(item)),
                                            to_string(*in->operand), name_of(operand)));
                    break;
                }
            }
        } else if (const auto* has = std::get_if<Contains>(&e.node)) {
            const Category haystack = value(*has->haystack);
            const Category needle = value(*has->needle);
            if ((haystack != Category::unknown && haystack != Category::text) ||
                (needle != Category::unknown && needle != Category::text)) {
                mismatch(e, "'contains' looks for text inside text");
            }
        } else if (const auto* p = std::get_if<Presence>(&e.node)) {
            value(*p->operand);
        } else {
            // A bare field or constant used as a condition must be true or false.
            const Category kind = value(e);
            if (kind != Category::unknown && kind != Category::boolean) {
                mismatch(e, fmt::format("'{}' is {}, not a condition", to_string(e), name_of(kind)),
                         "compare it, such as fit_score >= 50, or test it with 'is set'");
            }
        }
    }

  private:
    const FieldTypes& m_fields;

    Category value(const Expr& e)
    {
        if (const auto* k = std::get_if<Constant>(&e.node)) {
            return of_literal(k->value);
        }
        if (const auto* f = std::get_if<Field>(&e.node)) {
            auto it = m_fields.find(f->name);
            if (it == m_fields.end()) {
                std::vector<std::string_view> names;
                for (const auto& [name, type] : m_fields) {
                    names.push_back(name);
                }
                auto hint = did_you_mean(f->name, names);
                if (hint.empty()) {
                    hint = names.empty() ? "declare the lead fields under 'fields'"
                                         : "declare it under 'fields', or use one of " + quoted_list(names);
                }
                problems.push_back({Check::unknown_field,
                                    {e.offset, e.length, fmt::format("unknown lead field '{}'", f->name), hint}});
                return Category::unknown;
            }
            return of_field(it->second);
        }
        condition(e); // a parenthesised condition used as a value
        return Category::boolean;
    }

    void compare(const Expr& e, const Compare& c)
    {
        const Category lhs = value(*c.lhs);
        const Category rhs = value(*c.rhs);
        if (lhs == Category::unknown || rhs == Category::unknown) {
            return;
        }
        if (lhs != rhs) {
            mismatch(e,
                     fmt::format("'{}' is {} but '{}' is {}", to_string(*c.lhs), name_of(lhs), to_string(*c.rhs),
                                 name_of(rhs)),
                     lhs == Category::number && rhs == Category::text ? "remove the quotes around the number"
                                                                      : std::string{});
            return;
        }
        const bool ordering = c.op != Op::eq && c.op != Op::ne;
        if (ordering && (lhs == Category::text || lhs == Category::boolean)) {
            mismatch(e, fmt::format("'{}' cannot be ordered: {} only compares with = and !=", to_string(*c.lhs),
                                    name_of(lhs)));
        }
    }

    void mismatch(const Expr& e, std::string message, std::string hint = {})
    {
        problems.push_back({Check::type_mismatch, {e.offset, e.length, std::move(message), std::move(hint)}});
    }
};

void collect_ranges(const Expr& e, std::map<std::string, Range>& out)
{
    if (const auto* l = std::get_if<Logical>(&e.node); l != nullptr && l->is_and) {
        collect_ranges(*l->lhs, out);
        collect_ranges(*l->rhs, out);
        return;
    }
    Range r;
    std::string field;
    if (const auto* f = std::get_if<Field>(&e.node)) {
        field = f->name;
        r.boolean = true;
    } else if (const auto* n = std::get_if<Not>(&e.node)) {
        const auto* f2 = std::get_if<Field>(&n->operand->node);
        if (f2 == nullptr) {
            return;
        }
        field = f2->name;
        r.boolean = false;
    } else if (const auto* c = std::get_if<Compare>(&e.node)) {
        const auto* f3 = std::get_if<Field>(&c->lhs->node);
        const auto* k = std::get_if<Constant>(&c->rhs->node);
        Op op = c->op;
        if (f3 == nullptr || k == nullptr) {
            // "50 <= fit_score": read it the other way round.
            f3 = std::get_if<Field>(&c->rhs->node);
            k = std::get_if<Constant>(&c->lhs->node);
            if (f3 == nullptr || k == nullptr) {
                return;
            }
            constexpr Op k_flipped[] = {Op::eq, Op::ne, Op::gt, Op::ge, Op::lt, Op::le};
            op = k_flipped[static_cast<int>(op)];
        }
        field = f3->name;
        if (const auto* number = std::get_if<double>(&k->value)) {
            switch (op) {
            case Op::eq:
                r.low = r.high = *number;
                break;
            case Op::ne:
                return;
            case Op::lt:
                r.high = *number, r.high_open = true;
                break;
            case Op::le:
                r.high = *number;
                break;
            case Op::gt:
                r.low = *number, r.low_open = true;
                break;
            case Op::ge:
                r.low = *number;
                break;
            }
        } else if (const auto* text = std::get_if<std::string>(&k->value)) {
            if (op == Op::eq) {
                r.allowed = std::vector<std::string>{*text};
            } else if (op == Op::ne) {
                r.excluded.push_back(*text);
            } else {
                return;
            }
        } else if (const auto* flag = std::get_if<bool>(&k->value); flag != nullptr && (op == Op::eq || op == Op::ne)) {
            r.boolean = op == Op::eq ? *flag : !*flag;
        } else {
            return;
        }
    } else if (const auto* in = std::get_if<InList>(&e.node)) {
        const auto* f4 = std::get_if<Field>(&in->operand->node);
        if (f4 == nullptr) {
            return;
        }
        field = f4->name;
        std::vector<std::string> texts;
        for (const auto& item : in->items) {
            if (const auto* s = std::get_if<std::string>(&item)) {
                texts.push_back(*s);
            } else {
                return; // numbers in lists: not analysed
            }
        }
        if (in->negated) {
            r.excluded = texts;
        } else {
            r.allowed = texts;
        }
    } else {
        return;
    }
    auto [it, inserted] = out.try_emplace(field, r);
    if (!inserted) {
        it->second = it->second.intersect(r);
    }
}

} // namespace

std::vector<TypeProblem> type_check(const Expr& expr, const FieldTypes& fields)
{
    TypeChecker checker(fields);
    checker.condition(expr);
    std::stable_sort(checker.problems.begin(), checker.problems.end(),
                     [](const TypeProblem& a, const TypeProblem& b) { return a.problem.offset < b.problem.offset; });
    return std::move(checker.problems);
}

bool Range::empty() const
{
    if (conflict) {
        return true;
    }
    if (low && high && (*low > *high || (*low == *high && (low_open || high_open)))) {
        return true;
    }
    if (allowed) {
        return std::all_of(allowed->begin(), allowed->end(), [&](const std::string& v) {
            return std::find(excluded.begin(), excluded.end(), v) != excluded.end();
        });
    }
    return false;
}

Range Range::intersect(const Range& other) const
{
    Range r = *this;
    if (other.low && (!r.low || *other.low > *r.low || (*other.low == *r.low && other.low_open))) {
        r.low = other.low;
        r.low_open = other.low_open;
    }
    if (other.high && (!r.high || *other.high < *r.high || (*other.high == *r.high && other.high_open))) {
        r.high = other.high;
        r.high_open = other.high_open;
    }
    if (other.allowed) {
        if (!r.allowed) {
            r.allowed = other.allowed;
        } else {
            std::vector<std::string> both;
            for (const auto& v : *r.allowed) {
                if (std::find(other.allowed->begin(), other.allowed->end(), v) != other.allowed->end()) {
                    both.push_back(v);
                }
            }
            r.allowed = both;
        }
    }
    r.excluded.insert(r.excluded.end(), other.excluded.begin(), other.excluded.end());
    if (other.boolean) {
        if (r.boolean && *r.boolean != *other.boolean) {
            r.conflict = true;
        }
        r.boolean = other.boolean;
    }
    r.conflict = r.conflict || other.conflict;
    return r;
}

std::map<std::string, Range> ranges(const Expr& expr)
{
    std::map<std::string, Range> out;
    collect_ranges(expr, out);
    return out;
}

} // namespace alignkit::criteria
