#include "findings/suppressions.hpp"

#include "alignkit/config/settings.hpp"

#include "alignkit/config/codes.hpp"
#include "alignkit/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace alignkit {
namespace {

constexpr std::string_view k_prefix = "alignkit-disable-";
constexpr std::string_view k_same_line = "alignkit-disable-line", k_next_line = "alignkit-disable-next-line";

struct Suppression {
    std::string code;
    int line = 0;   // the line whose findings it suppresses
    Position where; // of the code in the comment
    bool used = false;
};

// A word of a suppression comment that is not what it should be: said as AK0011.
struct Misspelt {
    std::string what;
    Position where;
    int length = 0;
};

struct FileSuppressions {
    std::vector<Suppression> codes;
    std::vector<Misspelt> problems;
};

bool is_code(std::string_view word)
{
    return word.size() == 6 && (word[0] == 'A' || word[0] == 'a') && (word[1] == 'K' || word[1] == 'k') &&
           std::all_of(word.begin() + 2, word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool known_code(std::string_view code)
{
    const auto codes = all_codes();
    return std::any_of(codes.begin(), codes.end(), [&](const CodeInfo& c) { return c.id == code; });
}

// Where a line's comment starts, if it has one: a `#` at the start or after a blank, outside
// quotes. (YAML's comments; a `#` inside "..." or '...' or glued to a word is text.)
std::optional<std::size_t> comment_start(std::string_view line)
{
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote != 0) {
            if (c == '\\' && quote == '"') {
                ++i;
            } else if (c == quote) {
                quote = 0;
            }
        } else if (c == '"' || c == '\'') {
            // A quote opens a scalar only where one can start, not inside a plain word (it's).
            if (i == 0 || std::string_view(" \t[{,:-").find(line[i - 1]) != std::string_view::npos) {
                quote = c;
            }
        } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
            return i;
        }
    }
    return std::nullopt;
}

std::size_t indentation(std::string_view line)
{
    return line.find_first_not_of(' ') == std::string_view::npos ? line.size() : line.find_first_not_of(' ');
}

// Whether a line (its comment cut off) opens a block scalar: a value of `|` or `>` with
// optional chomping and indentation indicators.
bool opens_block_scalar(std::string_view line)
{
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
        line.remove_suffix(1);
    }
    std::size_t i = line.size();
    while (i > 0 && std::string_view("+-0123456789").find(line[i - 1]) != std::string_view::npos) {
        --i;
    }
    if (i == 0 || (line[i - 1] != '|' && line[i - 1] != '>')) {
        return false;
    }
    return i == 1 || line[i - 2] == ' ' || line[i - 2] == ':' || line[i - 2] == '-';
}

// One comment's directive and codes, from `at` (just past "alignkit-disable-"), onto `out`.
void read_directive(std::string_view text, std::size_t line_start, std::size_t at, int line, FileSuppressions& out)
{
    // Columns count characters; the comment is read left to right, so they are counted once.
    std::size_t column_offset = line_start;
    int column = 1;
    auto column_of = [&](std::size_t offset) {
        column += static_cast<int>(characters_between(text, column_offset, offset));
        column_offset = offset;
        return column;
    };
    auto word_end = [&](std::size_t from) {
        while (from < text.size() && text[from] != ' ' && text[from] != '\t' && text[from] != ',' &&
               text[from] != '\n' && text[from] != '\r') {
            ++from;
        }
        return from;
    };
    const std::size_t directive = at - k_prefix.size();
    const std::size_t directive_end = word_end(directive);
    const auto word = text.substr(directive, directive_end - directive);
    if (word != k_same_line && word != k_next_line) {
        out.problems.push_back(
            {fmt::format("'{}' is not a suppression: write '{}' or '{}'", word, k_same_line, k_next_line),
             {line, column_of(directive)},
             static_cast<int>(word.size())});
        return;
    }
    const int target = word == k_next_line ? line + 1 : line;
    std::set<std::string> seen; // codes of this comment
    std::size_t i = directive_end;
    bool any = false;
    while (i < text.size() && text[i] != '\n') {
        if (text[i] == ' ' || text[i] == '\t' || text[i] == ',' || text[i] == '\r') {
            ++i;
            continue;
        }
        const std::size_t end = word_end(i);
        const auto code = text.substr(i, end - i);
        if (code.starts_with("--") || !is_code(code)) {
            break; // the reason, or words that are not codes: the codes are over
        }
        std::string upper(code);
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
        const Position where{line, column_of(i)};
        // A code named twice in one comment counts once (200,000 times stays one suppression).
        if (seen.insert(upper).second) {
            if (known_code(upper)) {
                out.codes.push_back({upper, target, where, false});
            } else {
                out.problems.push_back(
                    {fmt::format("'{}' is no alignkit code ('alignkit explain' lists them)", code), where, 6});
            }
        }
        any = true;
        i = end;
    }
    if (!any) {
        out.problems.push_back({fmt::format("'{}' names no code: write the codes it suppresses after it", word),
                                {line, column_of(directive)},
                                static_cast<int>(word.size())});
    }
}

// The suppressions one file's comments hold, in one pass over its lines: comments only, not
// a `#` inside a quoted value or a block scalar's text.
FileSuppressions suppressions_in(std::string_view text)
{
    FileSuppressions out;
    int line = 1;
    std::optional<std::size_t> block_parent; // the indentation a block scalar's lines exceed
    for (std::size_t start = 0; start <= text.size(); ++line) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const auto content = text.substr(start, end - start);
        const bool blank = content.find_first_not_of(" \t\r") == std::string_view::npos;
        if (block_parent && (blank || indentation(content) > *block_parent)) {
            start = end + 1;
            continue; // text of a block scalar
        }
        block_parent.reset();
        const auto hash = comment_start(content);
        const auto code_part = content.substr(0, hash.value_or(content.size()));
        if (opens_block_scalar(code_part)) {
            block_parent = indentation(content);
        }
        if (hash) {
            const auto comment = content.substr(*hash);
            if (const auto at = comment.find(k_prefix); at != std::string_view::npos) {
                read_directive(text, start, start + *hash + at + k_prefix.size(), line, out);
            }
        }
        if (end == text.size()) {
            break;
        }
        start = end + 1;
    }
    return out;
}

} // namespace

void apply_suppressions(ValidationResult& result)
{
    std::map<std::string_view, FileSuppressions> by_file;
    for (const auto& file : result.files) {
        if (file.text.find(k_prefix) != std::string::npos) {
            by_file[file.path] = suppressions_in(file.text);
        }
    }
    if (by_file.empty()) {
        return;
    }
    // Each file's suppressions by the line they cover, so each finding looks at its own line.
    std::map<std::string_view, std::multimap<int, Suppression*>> by_line;
    for (auto& [file, found] : by_file) {
        for (auto& s : found.codes) {
            by_line[file].emplace(s.line, &s);
        }
    }
    Diagnostics kept;
    for (const auto& d : result.diagnostics.all()) {
        bool suppressed = false;
        // A finding that the input could not be read is never suppressed: nothing was checked.
        if (auto it = by_line.find(d.file); it != by_line.end() && d.pos.line > 0 && !is_fixed_severity(d.code)) {
            const auto [first, last] = it->second.equal_range(d.pos.line);
            for (auto s = first; s != last; ++s) {
                if (s->second->code == to_string(d.code)) {
                    s->second->used = true;
                    suppressed = true;
                }
            }
        }
        if (suppressed) {
            ++result.suppressed;
        } else {
            kept.add(d.code, d.file, d.pos, d.message, d.hint) = d;
        }
    }
    for (const auto& [file, found] : by_file) {
        for (const auto& s : found.codes) {
            const auto code = parse_code(s.code);
            if (code && is_fixed_severity(*code)) {
                kept.add(Code::unused_suppression, std::string(file), s.where,
                         fmt::format("'{}' cannot be suppressed: it says the input could not be read, so nothing "
                                     "was checked",
                                     s.code),
                         "remove the code from the comment and fix the input")
                    .length = static_cast<int>(s.code.size());
            } else if (!s.used) {
                kept.add(Code::unused_suppression, std::string(file), s.where,
                         fmt::format("'{}' is suppressed on line {}, but no finding there has it", s.code, s.line),
                         "remove the code from the comment, or fix the line the comment points at")
                    .length = static_cast<int>(s.code.size());
            }
        }
        for (const auto& p : found.problems) {
            kept.add(Code::unused_suppression, std::string(file), p.where, p.what).length = p.length;
        }
    }
    result.diagnostics = std::move(kept);
}

} // namespace alignkit
