#include "util/tables.hpp"

#include "alignkit/util/text.hpp"

#include "util/escape.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace alignkit {

std::string md_table(const TextTable& t)
{
    if (t.rows.empty()) {
        return {};
    }
    std::string out = "|";
    for (const auto& h : t.header) {
        out += " " + markdown_escape(h) + " |";
    }
    out += "\n|";
    for (std::size_t i = 0; i < t.header.size(); ++i) {
        out += i < t.right.size() && t.right[i] ? "---:|" : "---|";
    }
    out += "\n";
    for (const auto& row : t.rows) {
        out += "|";
        for (const auto& cell : row) {
            out += " " + markdown_escape(cell) + " |";
        }
        out += "\n";
    }
    return out + "\n";
}

std::string md_list(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& i : items) {
        out += "- " + markdown_block(i) + "\n";
    }
    return items.empty() ? out : out + "\n";
}

std::string html_table(const TextTable& t)
{
    if (t.rows.empty()) {
        return {};
    }
    std::string out = "<table>\n<thead><tr>";
    for (const auto& h : t.header) {
        out += "<th>" + html_escape(h) + "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i) {
            out += i < t.right.size() && t.right[i] ? "<td class=\"num\">" : "<td>";
            out += html_escape(row[i]) + "</td>";
        }
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
}

std::string html_list(const std::vector<std::string>& items)
{
    if (items.empty()) {
        return {};
    }
    std::string out = "<ul>\n";
    for (const auto& i : items) {
        out += "<li>" + html_escape(i) + "</li>\n";
    }
    return out + "</ul>\n";
}

namespace {

// A cell on one line of a terminal: line breaks, tabs and other control characters (an
// escape sequence in a CRM field could move the cursor or recolour the screen) become spaces.
std::string one_line(const std::string& text)
{
    std::string out = text;
    for (char& c : out) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            c = ' ';
        }
    }
    return out;
}

} // namespace

std::string aligned_table(const TextTable& table)
{
    if (table.rows.empty()) {
        return {};
    }
    TextTable t = table;
    for (auto& row : t.rows) {
        for (auto& cell : row) {
            cell = one_line(cell);
        }
    }
    std::vector<std::size_t> width(t.header.size(), 0);
    // Widths in display columns, not bytes: owners and sources may be any UTF-8, CJK included.
    auto length = [](const std::string& text) { return display_width(text); };
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < width.size(); ++i) {
            width[i] = std::max(width[i], length(row[i]));
        }
    };
    measure(t.header);
    for (const auto& row : t.rows) {
        measure(row);
    }
    auto line = [&](const std::vector<std::string>& row) {
        std::string out = " ";
        for (std::size_t i = 0; i < row.size() && i < width.size(); ++i) {
            const std::string pad(width[i] - length(row[i]), ' ');
            const bool right = i < t.right.size() && t.right[i];
            out += " " + (right ? pad + row[i] : row[i] + (i + 1 < row.size() ? pad : ""));
            if (i + 1 < row.size()) {
                out += " ";
            }
        }
        while (!out.empty() && out.back() == ' ') {
            out.pop_back();
        }
        return out + "\n";
    };
    std::string out = line(t.header);
    for (const auto& row : t.rows) {
        out += line(row);
    }
    return out;
}

} // namespace alignkit
