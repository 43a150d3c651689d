#include "util/escape.hpp"

#include <doctest/doctest.h>

using namespace alignkit;

TEST_CASE("Markdown escaping keeps config text literal in GFM")
{
    CHECK(markdown_escape("~~struck~~") == "\\~\\~struck\\~\\~");
    CHECK(markdown_escape("see https://example.com") == "see https\\://example.com");
    CHECK(markdown_escape("see www.example.com or (WWW.x.org)") == "see www\\.example.com or (WWW\\.x.org)");
    CHECK(markdown_escape("awww.no") == "awww.no"); // not a link: "www." starts no word here
    CHECK(markdown_escape("\tcode?") == "code?");   // a leading tab would start a code block
    CHECK(markdown_escape("a\tb\nc") == "a b c");
    CHECK(markdown_escape("- cell") == "- cell"); // inside a table cell a dash is a dash
    CHECK(markdown_block("- item") == "\\- item");
    CHECK(markdown_block("+ item") == "\\+ item");
    CHECK(markdown_block("===") == "\\===");
    CHECK(markdown_block("1. first") == "1\\. first");
    CHECK(markdown_block("12) twelfth") == "12\\) twelfth");
    CHECK(markdown_block("78.1% met") == "78.1% met"); // a number, not a list item
    CHECK(markdown_escape("\x1b[31mred") == "\xEF\xBF\xBD\\[31mred");
}

TEST_CASE("HTML escaping shows control characters as U+FFFD")
{
    CHECK(html_escape("<b>\x1b[2J</b>") == "&lt;b&gt;\xEF\xBF\xBD[2J&lt;/b&gt;");
}
