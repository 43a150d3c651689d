// Evaluating parsed lifecycle criteria on one lead.

#include "alignkit/model/criteria.hpp"

#include <algorithm>

namespace alignkit::criteria {
namespace {

std::optional<Literal> value_of(const Expr& e, const Row& row)
{
    if (const auto* k = std::get_if<Constant>(&e.node)) {
        return k->value;
    }
    if (const auto* f = std::get_if<Field>(&e.node)) {
        auto it = row.find(f->name);
        return it == row.end() ? std::nullopt : it->second;
    }
    return Literal{evaluate(e, row)};
}

// -1, 0, 1, or nullopt when the two values do not compare (different types).
std::optional<int> compare(const Literal& a, const Literal& b)
{
    if (a.index() != b.index()) {
        return std::nullopt;
    }
    return std::visit(
        [&](const auto& x) -> std::optional<int> {
            const auto& y = std::get<std::decay_t<decltype(x)>>(b);
            if constexpr (std::is_same_v<std::decay_t<decltype(x)>, bool>) {
                return x == y ? 0 : (x ? 1 : -1);
            } else {
                return x < y ? -1 : (y < x ? 1 : 0);
            }
        },
        a);
}

bool holds(Op op, int c)
{
    switch (op) {
    case Op::eq:
        return c == 0;
    case Op::ne:
        return c != 0;
    case Op::lt:
        return c < 0;
    case Op::le:
        return c <= 0;
    case Op::gt:
        return c > 0;
    case Op::ge:
        return c >= 0;
    }
    return false;
}

} // namespace

bool evaluate(const Expr& e, const Row& row)
{
    if (const auto* l = std::get_if<Logical>(&e.node)) {
        return l->is_and ? evaluate(*l->lhs, row) && evaluate(*l->rhs, row)
                         : evaluate(*l->lhs, row) || evaluate(*l->rhs, row);
    }
    if (const auto* n = std::get_if<Not>(&e.node)) {
        return !evaluate(*n->operand, row);
    }
    if (const auto* c = std::get_if<Compare>(&e.node)) {
        auto a = value_of(*c->lhs, row);
        auto b = value_of(*c->rhs, row);
        if (!a || !b) {
            return false;
        }
        auto order = compare(*a, *b);
        return order && holds(c->op, *order);
    }
    if (const auto* in = std::get_if<InList>(&e.node)) {
        auto a = value_of(*in->operand, row);
        if (!a) {
            return false;
        }
        const bool found = std::any_of(in->items.begin(), in->items.end(), [&](const Literal& item) {
            auto order = compare(*a, item);
            return order && *order == 0;
        });
        return in->negated ? !found : found;
    }
    if (const auto* has = std::get_if<Contains>(&e.node)) {
        auto a = value_of(*has->haystack, row);
        auto b = value_of(*has->needle, row);
        const auto* hay = a ? std::get_if<std::string>(&*a) : nullptr;
        const auto* needle = b ? std::get_if<std::string>(&*b) : nullptr;
        return hay != nullptr && needle != nullptr && hay->find(*needle) != std::string::npos;
    }
    if (const auto* p = std::get_if<Presence>(&e.node)) {
        const bool set = value_of(*p->operand, row).has_value();
        return p->set ? set : !set;
    }
    if (const auto* k = std::get_if<Constant>(&e.node)) {
        const auto* b = std::get_if<bool>(&k->value);
        return b != nullptr && *b;
    }
    if (const auto* f = std::get_if<Field>(&e.node)) {
        auto it = row.find(f->name);
        const auto* b = it != row.end() && it->second ? std::get_if<bool>(&*it->second) : nullptr;
        return b != nullptr && *b;
    }
    return false;
}

} // namespace alignkit::criteria
