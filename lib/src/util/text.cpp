#include "alignkit/util/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <vector>

namespace alignkit {
namespace {

char lower(char c) { return lower_ascii(c); }

// Optimal string alignment distance, case-insensitive, or `bound + 1` as soon as it must be
// more than `bound` (every entry of a row is). `rows` is scratch space.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound, std::vector<std::size_t>& rows)
{
    const std::size_t m = b.size();
    rows.assign(3 * (m + 1), 0);
    std::size_t* prev2 = rows.data();
    std::size_t* prev = prev2 + m + 1;
    std::size_t* cur = prev + m + 1;
    for (std::size_t j = 0; j <= m; ++j) {
        prev[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            }
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > bound) {
            return bound + 1;
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

} // namespace

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower_ascii(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) { return lower_ascii(c); });
    return out;
}

bool equal_ignoring_case(std::string_view a, std::string_view b)
{
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower_ascii(x) == lower_ascii(y); });
}

Speller::Speller(std::span<const std::string_view> candidates, std::size_t budget) : m_budget(budget)
{
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const auto length = candidates[i].size();
        if (m_by_length.size() <= length) {
            m_by_length.resize(length + 1);
        }
        m_by_length[length].emplace_back(i, candidates[i]);
    }
}

std::optional<std::string_view> Speller::closest(std::string_view word)
{
    // Allow about one edit per three characters, and at least one: "folow_up" finds
    // "follow_up", "x" finds nothing. A length further off than that needs more edits.
    const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
    std::optional<std::pair<std::size_t, std::string_view>> best;
    std::size_t best_distance = limit + 1;
    const std::size_t shortest = word.size() > limit ? word.size() - limit : 0;
    for (std::size_t length = shortest; length <= word.size() + limit && length < m_by_length.size(); ++length) {
        for (const auto& [order, candidate] : m_by_length[length]) {
            if (m_budget == 0) {
                return std::nullopt; // spent: no suggestion rather than a worse one
            }
            --m_budget;
            // An equal distance wins only from earlier in the candidates' order.
            const std::size_t d = edit_distance(word, candidate, best_distance, m_rows);
            if (d < best_distance || (d == best_distance && best && d <= limit && order < best->first)) {
                best_distance = d;
                best = {order, candidate};
            }
        }
    }
    return best ? std::optional<std::string_view>(best->second) : std::nullopt;
}

std::string Speller::did_you_mean(std::string_view word)
{
    auto match = closest(word);
    return match ? "did you mean '" + std::string(*match) + "'?" : std::string();
}

std::optional<std::string_view> closest_match(std::string_view word, std::span<const std::string_view> candidates)
{
    return Speller(candidates).closest(word);
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates)
{
    return Speller(candidates).did_you_mean(word);
}

bool is_slug(std::string_view text)
{
    if (text.empty() || text.size() > 63 || text.front() < 'a' || text.front() > 'z') {
        return false;
    }
    bool after_separator = false;
    for (char c : text) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum) {
            after_separator = false;
        } else if ((c == '-' || c == '_') && !after_separator) {
            after_separator = true;
        } else {
            return false;
        }
    }
    return !after_separator;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text)
{
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2, min = 0x80, cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3, min = 0x800, cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4, min = 0x10000, cp = c & 0x07u;
        } else {
            return i;
        }
        if (i + len > n) {
            return i;
        }
        for (std::size_t k = 1; k < len; ++k) {
            if (!is_continuation(s[i + k])) {
                return i;
            }
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
        if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            return i;
        }
        i += len;
    }
    return std::nullopt;
}

std::size_t characters_between(std::string_view text, std::size_t from, std::size_t to)
{
    std::size_t n = 0;
    for (std::size_t i = from; i < to && i < text.size(); ++i) {
        n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 ? 1U : 0U;
    }
    return n;
}

Position position_of(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    Position pos{1, 1};
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if (!is_continuation(static_cast<unsigned char>(text[i]))) {
            ++pos.column;
        }
    }
    return pos;
}

std::string_view line_at(std::string_view text, int line)
{
    if (line < 1) {
        return {};
    }
    std::size_t start = 0;
    for (int current = 1; current < line; ++current) {
        start = text.find('\n', start);
        if (start == std::string_view::npos) {
            return {};
        }
        ++start;
    }
    std::size_t end = text.find('\n', start);
    std::string_view result = text.substr(start, end == std::string_view::npos ? text.npos : end - start);
    if (!result.empty() && result.back() == '\r') {
        result.remove_suffix(1);
    }
    return result;
}

namespace {

// Calls `visit(code_point, bytes)` for each UTF-8 character of `text`, and for each byte that
// does not begin one `visit(-1, that_byte)`.
template <class Visit> void each_code_point(std::string_view text, Visit visit)
{
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        auto n = utf8proc_iterate(bytes, left, &cp);
        if (n <= 0) {
            cp = -1;
            n = 1;
        }
        visit(cp, std::string_view(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(n)));
        bytes += n;
        left -= n;
    }
}

} // namespace

std::string terminal_safe(std::string_view text, bool keep_lines)
{
    constexpr std::string_view k_replacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(text.size());
    each_code_point(text, [&](std::int32_t cp, std::string_view bytes) {
        const bool line_break = cp == '\n'; // a carriage return would overwrite the line
        const bool control =
            cp < 0 || (cp < 0x20 && cp != '\t' && !(keep_lines && line_break)) || (cp >= 0x7F && cp < 0xA0);
        const bool reorders = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
        out += control || reorders ? k_replacement : bytes;
    });
    return out;
}

std::size_t display_width(std::string_view text)
{
    std::size_t width = 0;
    each_code_point(text, [&](std::int32_t cp, std::string_view) {
        // A byte that is not UTF-8 takes one column, as a terminal shows a replacement character;
        // wide (CJK, emoji) characters two, combining marks and controls none.
        width += cp < 0 ? 1 : static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
    });
    return width;
}

LineIndex::LineIndex(std::string_view text) : m_text(text)
{
    m_starts.push_back(0);
    for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) {
        m_starts.push_back(at + 1);
    }
}

std::string_view LineIndex::line(int line) const
{
    if (line < 1 || static_cast<std::size_t>(line) > m_starts.size()) {
        return {};
    }
    const std::size_t start = m_starts[static_cast<std::size_t>(line) - 1];
    if (start > m_text.size()) {
        return {};
    }
    const std::size_t end =
        static_cast<std::size_t>(line) < m_starts.size() ? m_starts[static_cast<std::size_t>(line)] - 1 : m_text.size();
    std::string_view result = m_text.substr(start, end - start);
    if (!result.empty() && result.back() == '\r') {
        result.remove_suffix(1);
    }
    return result;
}

std::string wrap(std::string_view text, std::size_t width, std::string_view first_indent, std::string_view indent)
{
    std::string out(first_indent);
    std::size_t line_length = display_width(first_indent);
    bool line_empty = true;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(' ', pos);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view word = text.substr(pos, end - pos);
        pos = end + 1;
        if (word.empty()) {
            continue;
        }
        const std::size_t word_width = display_width(word);
        if (!line_empty && line_length + 1 + word_width > width) {
            out += '\n';
            out += indent;
            line_length = display_width(indent);
            line_empty = true;
        }
        if (!line_empty) {
            out += ' ';
            ++line_length;
        }
        out += word;
        line_length += word_width;
        line_empty = false;
    }
    out += '\n';
    return out;
}

std::string quoted_list(std::span<const std::string_view> items, std::string_view last_joiner)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            if (i + 1 == items.size()) {
                out += ' ';
                out += last_joiner;
                out += ' ';
            } else {
                out += ", ";
            }
        }
        out += '\'';
        out += items[i];
        out += '\'';
    }
    return out;
}

} // namespace alignkit
