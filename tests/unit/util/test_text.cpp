#include "alignkit/util/text.hpp"

#include <array>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <vector>

using namespace alignkit;

TEST_CASE("suggestions find likely typos and nothing else")
{
    constexpr std::array<std::string_view, 4> keys{"follow_up", "handoff", "targets", "meetings"};
    CHECK(did_you_mean("folow_up", keys) == "did you mean 'follow_up'?");
    CHECK(did_you_mean("hand_off", keys) == "did you mean 'handoff'?");
    CHECK(did_you_mean("targest", keys) == "did you mean 'targets'?"); // a swap is one edit
    CHECK(did_you_mean("Meetings", keys) == "did you mean 'meetings'?");
    CHECK(did_you_mean("zzz", keys).empty());
    CHECK(did_you_mean("x", keys).empty());
}

TEST_CASE("UTF-8 validation finds the first bad byte")
{
    CHECK_FALSE(first_invalid_utf8("plain ascii"));
    CHECK_FALSE(first_invalid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
    CHECK(first_invalid_utf8("ab\xE9z") == 2u);          // Latin-1 e-acute
    CHECK(first_invalid_utf8("\xC0\xAF") == 0u);         // overlong '/'
    CHECK(first_invalid_utf8("x\xED\xA0\x80") == 1u);    // UTF-16 surrogate
    CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0u); // past U+10FFFF
    CHECK(first_invalid_utf8("ok\xE2\x82") == 2u);       // truncated
}

TEST_CASE("positions count lines and characters")
{
    std::string_view text = "a: 1\nb: caf\xC3\xA9x\n";
    CHECK(position_of(text, 0) == Position{1, 1});
    CHECK(position_of(text, 5) == Position{2, 1});
    CHECK(position_of(text, 13) == Position{2, 8}); // after the two-byte e-acute
    CHECK(line_at("one\r\ntwo\nthree", 1) == "one");
    CHECK(line_at("one\r\ntwo\nthree", 3) == "three");
    CHECK(line_at("one", 4).empty());
}

TEST_CASE("slugs")
{
    CHECK(is_slug("acme-sla-2027"));
    CHECK(is_slug("follow_up"));
    CHECK_FALSE(is_slug("Acme"));
    CHECK_FALSE(is_slug("2027-sla"));
    CHECK_FALSE(is_slug("a--b"));
    CHECK_FALSE(is_slug("a-"));
    CHECK_FALSE(is_slug(""));
    CHECK_FALSE(is_slug(std::string(64, 'a')));
}

TEST_CASE("wrapping and quoted lists")
{
    CHECK(wrap("one two three four", 10, "- ", "  ") == "- one two\n  three\n  four\n");
    constexpr std::array<std::string_view, 3> items{"a", "b", "c"};
    CHECK(quoted_list(items) == "'a', 'b' or 'c'");
    CHECK(quoted_list(std::span(items).first(1)) == "'a'");
}

TEST_CASE("display width counts terminal columns, not bytes")
{
    CHECK(display_width("owner") == 5);
    CHECK(display_width("Zoë") == 3);         // é as one precomposed character
    CHECK(display_width("Zoe\xCC\x88") == 3); // e + combining diaeresis
    CHECK(display_width("山田") == 4);        // CJK: two columns each
    CHECK(display_width("\xFF"
                        "ab") == 3); // a byte that is not UTF-8: one column
    // Wrapping counts the same columns: two CJK words of 4 columns fit 9, not 10 bytes each.
    CHECK(wrap("山田 太郎 佐藤", 9, "", "") == "山田 太郎\n佐藤\n");
}

TEST_CASE("terminal_safe shows controls, C1 controls, bidi overrides and bad bytes as U+FFFD")
{
    const std::string r = "\xEF\xBF\xBD";
    CHECK(terminal_safe("a\x1b]0;t\x07z") == "a" + r + "]0;t" + r + "z");
    CHECK(terminal_safe("tab\tkept\nline") == "tab\tkept\nline");
    CHECK(terminal_safe("one\nline", false) == "one" + r + "line");
    CHECK(terminal_safe("csi \xC2\x9B"
                        "2J") == "csi " + r + "2J");               // U+009B, a C1 CSI
    CHECK(terminal_safe("rl \xE2\x80\xAEol") == "rl " + r + "ol"); // U+202E
    CHECK(terminal_safe("iso \xE2\x81\xA6x") == "iso " + r + "x"); // U+2066
    CHECK(terminal_safe("bad \xFF\xFE end") == "bad " + r + r + " end");
    CHECK(terminal_safe("Zoë 山田") == "Zoë 山田");
}

TEST_CASE("a line index finds every line of a text at once")
{
    const LineIndex index("one\r\ntwo\n\nfour");
    CHECK(index.line(1) == "one");
    CHECK(index.line(2) == "two");
    CHECK(index.line(3).empty());
    CHECK(index.line(4) == "four");
    CHECK(index.line(5).empty());
    CHECK(index.line(0).empty());
    CHECK(line_at("one\r\ntwo\n\nfour", 4) == "four");
}

TEST_CASE("a speller asked many times gives the first closest candidate, within a budget of comparisons")
{
    // Ties go to the candidate given first, whatever its length: "fields" is one edit from
    // both "field" and "yields".
    const std::vector<std::string_view> names = {"yields", "field", "fields_of", "owner"};
    Speller speller(names);
    CHECK(speller.closest("fields") == std::optional<std::string_view>("yields"));
    CHECK(speller.closest("ownr") == std::optional<std::string_view>("owner"));
    CHECK_FALSE(speller.closest("zzzzzz"));
    CHECK(closest_match("fields", names) == speller.closest("fields"));

    // 20,000 names and as many unknown words: each word is compared only with names of a
    // length close enough, and the whole run with at most the budget, after which words get
    // no suggestion instead of costing time in the square of the findings.
    std::vector<std::string> many;
    many.reserve(20000);
    for (int i = 0; i < 20000; ++i) {
        many.push_back(fmt::format("term{}", i));
    }
    const std::vector<std::string_view> views(many.begin(), many.end());
    Speller bounded(views, 30000);
    CHECK(bounded.closest("term12") == std::optional<std::string_view>("term12"));
    std::size_t suggested = 0;
    for (int i = 0; i < 20000; ++i) {
        suggested += bounded.closest(fmt::format("trem{}", i)) ? 1U : 0U;
    }
    CHECK(suggested > 0);
    CHECK(suggested < 100); // the budget ran out early
    CHECK_FALSE(bounded.closest("term12"));
}
