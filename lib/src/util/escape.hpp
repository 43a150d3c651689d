#pragma once
// Escaping text from configs for the format it lands in. One place for each format, so a
// renderer cannot forget a character another renderer escapes.

#include <string>
#include <string_view>

namespace alignkit {

// Markdown (CommonMark/GFM) inline text, also safe in a table cell and at the start of a
// paragraph: backslash-escapes what starts markup (emphasis, strikethrough, code, links,
// HTML, headings, list items), breaks what GFM would turn into a live link (http://, www.),
// turns line breaks and tabs into spaces, drops leading blanks, and shows control
// characters as U+FFFD (terminal_safe). E-mail addresses stay mailto links.
std::string markdown_escape(std::string_view text);

// The same for text that starts a line of its own (a paragraph, a list item, a line of a
// summary): also escapes what would make it a list item, a thematic break or a heading
// underline ("- ", "+ ", "1. ", "---", "===").
std::string markdown_block(std::string_view text);

// HTML text and attribute values: & < > " ', and control characters as U+FFFD.
std::string html_escape(std::string_view text);

// XML 1.0. Attributes also escape line breaks and tabs that attribute normalisation would
// fold; control characters XML 1.0 cannot carry become U+FFFD.
std::string xml_escape(std::string_view text, bool attribute);

// Text between `quote`s with C-style backslash escapes: the quote, the backslash, \n \t \r, and
// other control characters as \xNN. A YAML double-quoted scalar, a BigQuery, Snowflake or
// Spark string literal.
std::string backslash_quoted(std::string_view text, char quote);

} // namespace alignkit
