#include "util/escape.hpp"

#include "alignkit/util/text.hpp"

#include <fmt/format.h>

namespace alignkit {
namespace {

bool starts_with_folded(std::string_view text, std::size_t at, std::string_view word)
{
    return text.size() - at >= word.size() && equal_ignoring_case(text.substr(at, word.size()), word);
}

// Where text at the start of a line would start a block: a list item ("- ", "+ ", "1. ",
// "1) "), a thematic break or a setext underline ("---", "==="). The position of the
// punctuation that does it, or npos.
std::size_t block_marker(std::string_view text)
{
    if (!text.empty() && (text.front() == '-' || text.front() == '+' || text.front() == '=')) {
        return 0;
    }
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
        ++digits;
    }
    const bool ends_item = digits + 1 == text.size() || (digits + 1 < text.size() && text[digits + 1] == ' ');
    if (digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')') && ends_item) {
        return digits;
    }
    return std::string_view::npos;
}

std::string escape_markdown(std::string_view raw, bool block)
{
    // One line, without the controls a terminal would act on, and without leading blanks,
    // which would make an indented code block of a paragraph.
    std::string text = terminal_safe(raw);
    for (char& c : text) {
        c = c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
    }
    const auto first = text.find_first_not_of(' ');
    const std::string_view line =
        first == std::string::npos ? std::string_view{} : std::string_view(text).substr(first);
    const std::size_t marker = block ? block_marker(line) : std::string_view::npos;
    std::string out;
    out.reserve(line.size() + 8);
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        // Markup, strikethrough, and what GFM turns into live links: "http://", "www.".
        const bool markup = std::string_view("\\`*_[]<>|#&~").find(c) != std::string_view::npos;
        const bool scheme = c == ':' && line.substr(i + 1, 2) == "//";
        const bool www = c == '.' && i >= 3 && starts_with_folded(line, i - 3, "www") &&
                         (i == 3 || line[i - 4] == ' ' || line[i - 4] == '(');
        if (markup || scheme || www || i == marker) {
            out += '\\';
        }
        out += c;
    }
    return out;
}

} // namespace

std::string markdown_escape(std::string_view text) { return escape_markdown(text, false); }

std::string markdown_block(std::string_view text) { return escape_markdown(text, true); }

std::string html_escape(std::string_view raw)
{
    const std::string text = terminal_safe(raw);
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string xml_escape(std::string_view text, bool attribute)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += attribute ? "&quot;" : "\"";
            break;
        case '\n':
            out += attribute ? "&#10;" : "\n";
            break;
        case '\t':
            out += attribute ? "&#9;" : "\t";
            break;
        case '\r':
            out += "&#13;";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\xEF\xBF\xBD";
            } else {
                out += c;
            }
        }
    }
    return out;
}

std::string backslash_quoted(std::string_view text, char quote)
{
    std::string out(1, quote);
    for (const char c : text) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (c == quote) {
                out += '\\';
                out += c;
            } else if (static_cast<unsigned char>(c) < 0x20) {
                out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
            } else {
                out += c;
            }
        }
    }
    return out + quote;
}

} // namespace alignkit
