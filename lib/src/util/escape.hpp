#pragma once
// Escaping text from configs for the format it lands in. One place for each format, so a
// renderer cannot forget a character another renderer escapes.

#include <string>
#include <string_view>

namespace alignkit {

// Markdown (CommonMark/GFM) inline text, also safe in a table cell: backslash-escapes the
// characters that start markup, and turns line breaks into spaces.
std::string markdown_escape(std::string_view text);

// HTML text and attribute values: & < > " '.
std::string html_escape(std::string_view text);

// XML 1.0. Attributes also escape line breaks and tabs that attribute normalisation would
// fold; control characters XML 1.0 cannot carry become U+FFFD.
std::string xml_escape(std::string_view text, bool attribute);

} // namespace alignkit
