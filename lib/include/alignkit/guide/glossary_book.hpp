#pragma once
// The glossary `alignkit glossary` shows: the built-in terms both teams use, merged with
// the terms of the user's Glossary documents (which win over built-in ones of the same name).

#include "alignkit/model/document.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

struct GlossaryEntry {
    std::string term;
    std::string definition;
    std::optional<Team> owner; // the team the term comes from; none when both use it
    std::vector<std::string> aliases;
    std::vector<std::string> related;
    std::string source; // "built-in", or the glossary's metadata.name
};

// The built-in terms, in alphabetical order.
std::span<const GlossaryEntry> builtin_glossary();

// Built-in terms merged with every Glossary among `documents`, sorted by term
// (case-insensitive); a user term replaces the built-in term it names or aliases.
std::vector<GlossaryEntry> merged_glossary(std::span<const Document> documents);

// The entry whose term or alias is `word` (case-insensitive).
const GlossaryEntry* find_term(std::span<const GlossaryEntry> entries, std::string_view word);

enum class GlossaryFormat { text, markdown, json };
template <> struct EnumNames<GlossaryFormat> {
    static constexpr std::array<std::string_view, 3> names{"text", "markdown", "json"};
};

std::string render_glossary(std::span<const GlossaryEntry> entries, GlossaryFormat format);

} // namespace alignkit
