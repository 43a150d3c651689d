#include "alignkit/config/diagnostics.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace alignkit {

Diagnostic& Diagnostics::add(Code code, std::string file, Position pos, std::string message, std::string hint)
{
    Diagnostic d;
    d.file = std::move(file);
    d.pos = pos;
    d.severity = info(code).severity;
    d.code = code;
    d.message = std::move(message);
    d.hint = std::move(hint);
    m_items.push_back(std::move(d));
    return m_items.back();
}

void Diagnostics::append(const Diagnostics& other)
{
    m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
}

std::size_t Diagnostics::count(Severity severity) const
{
    return static_cast<std::size_t>(
        std::count_if(m_items.begin(), m_items.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

void Diagnostics::sort(const std::vector<std::string>& file_order)
{
    std::map<std::string_view, std::size_t> rank;
    for (std::size_t i = 0; i < file_order.size(); ++i) {
        rank.try_emplace(file_order[i], i + 1);
    }
    auto rank_of = [&](const Diagnostic& d) {
        auto it = rank.find(d.file);
        return it == rank.end() ? std::size_t{0} : it->second;
    };
    std::stable_sort(m_items.begin(), m_items.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        return std::tuple(rank_of(a), a.pos.line, a.pos.column, a.code) <
               std::tuple(rank_of(b), b.pos.line, b.pos.column, b.code);
    });
}

} // namespace alignkit
