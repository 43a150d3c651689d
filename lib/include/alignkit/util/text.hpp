#pragma once
// Small text helpers shared by the loader and the renderers.

#include "alignkit/util/location.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

// The candidate closest to `word` by edit distance (case-insensitive, a swap of two
// neighbours counts as one edit), if it is close enough to be the likely intent.
std::optional<std::string_view> closest_match(std::string_view word, std::span<const std::string_view> candidates);

// "did you mean 'x'?" for the closest candidate, or "" when none is close.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

// The same over one set of candidates asked many times (20,000 glossaries, each naming a term
// none defines): candidates are kept by length, so a word is compared only with those whose
// length could be close enough, by a distance that stops once it cannot win. A budget of
// comparisons bounds the whole, as a compiler's spell-checking limit does: past it, words get
// no suggestion, so a run stays linear in its findings however many there are.
class Speller {
  public:
    static constexpr std::size_t k_default_budget = 1'000'000; // comparisons; about 0.05 s
    explicit Speller(std::span<const std::string_view> candidates, std::size_t budget = k_default_budget);
    // closest_match's answer, the first of equals in the candidates' order, within the budget.
    std::optional<std::string_view> closest(std::string_view word);
    std::string did_you_mean(std::string_view word);

  private:
    std::vector<std::vector<std::pair<std::size_t, std::string_view>>> m_by_length; // (order, candidate)
    std::size_t m_budget;
    std::vector<std::size_t> m_rows; // the distance's three rows, kept between calls
};

// ASCII letters in lower case, other bytes as they are: for matching names and headers
// people write in any case.
char lower_ascii(char c);
std::string lower_ascii(std::string_view text);
bool equal_ignoring_case(std::string_view a, std::string_view b);

// A name or id: lowercase ASCII letters and digits, single '-' or '_' between them,
// starting with a letter, at most 63 characters.
bool is_slug(std::string_view text);

// Byte offset of the first byte that does not belong to valid UTF-8, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// The characters (not bytes) of UTF-8 `text` from byte `from` to byte `to`.
std::size_t characters_between(std::string_view text, std::size_t from, std::size_t to);

// 1-based line and column (in characters, not bytes) of a byte offset.
Position position_of(std::string_view text, std::size_t offset);

// Line `line` (1-based) without its line break; empty when out of range. It scans from the
// start: for many lines of one text, use a LineIndex.
std::string_view line_at(std::string_view text, int line);

// The starts of a text's lines, found once, so that each line is then found at once: a report
// of thousands of findings in one file stays linear in the file's size.
class LineIndex {
  public:
    explicit LineIndex(std::string_view text);
    // As line_at: line `line` (1-based) without its line break; empty when out of range.
    std::string_view line(int line) const;

  private:
    std::string_view m_text;
    std::vector<std::size_t> m_starts;
};

// Text from configs and exports made safe to show on a terminal or in a document: control
// characters (escape sequences, BEL, backspace, C1 controls such as U+009B) and the
// bidirectional overrides and isolates that reorder what is shown (U+202A-U+202E,
// U+2066-U+2069) become U+FFFD, as does every byte that is not UTF-8. Tabs stay, and line
// feeds stay when `keep_lines` (a carriage return never: it would overwrite the line).
std::string terminal_safe(std::string_view text, bool keep_lines = true);

// The columns `text` takes on a terminal: wide (CJK) characters two, combining marks none,
// other characters one; a byte that is not UTF-8 counts one.
std::size_t display_width(std::string_view text);

// Word-wraps `text` to `width` display columns: the first line starts with `first_indent`, the
// others with `indent`. Ends with a newline.
std::string wrap(std::string_view text, std::size_t width, std::string_view first_indent, std::string_view indent);

// "a, b or c" with each item quoted: for messages that list what is allowed.
std::string quoted_list(std::span<const std::string_view> items, std::string_view last_joiner = "or");

} // namespace alignkit
