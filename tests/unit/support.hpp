#pragma once
// Helpers shared by the unit tests: run the loader on text and show diagnostics as the
// one-line strings the tests compare.

#include "alignkit/checks/checks.hpp"
#include "alignkit/config/loader.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <string>
#include <vector>

namespace alignkit::test {

inline std::string line(const Diagnostic& d)
{
    std::string s =
        fmt::format("{}:{}: {}[{}]: {}", d.pos.line, d.pos.column, to_string(d.severity), to_string(d.code), d.message);
    if (!d.hint.empty()) {
        s += " | " + d.hint;
    }
    return s;
}

inline std::vector<std::string> lines(const Diagnostics& diags)
{
    std::vector<std::string> out;
    for (const auto& d : diags.all()) {
        out.push_back(line(d));
    }
    return out;
}

// The spec of the one document `text` holds, which must load without a diagnostic.
template <typename Spec> Spec parsed_spec(std::string_view text)
{
    Diagnostics diags;
    auto docs = parse_config(text, "test.yaml", diags);
    REQUIRE(docs.size() == 1);
    REQUIRE(diags.all().empty());
    return std::get<Spec>(docs[0].spec);
}

// Loads `text` as one file and returns the diagnostics as lines.
inline std::vector<std::string> load_problems(std::string_view text)
{
    Diagnostics diags;
    parse_config(text, "test.yaml", diags);
    return lines(diags);
}

// Loads every file, runs every check as of 2027-02-01, returns the diagnostics as
// "file line:col: ..." lines in order.
inline std::vector<std::string> check_problems(const std::vector<std::pair<std::string, std::string>>& files)
{
    Diagnostics diags;
    std::vector<Document> docs;
    for (const auto& [name, text] : files) {
        for (auto& doc : parse_config(text, name, diags)) {
            docs.push_back(std::move(doc));
        }
    }
    check_documents(docs, CheckOptions{Date{2027, 2, 1}}, diags);
    std::vector<std::string> names;
    for (const auto& f : files) {
        names.push_back(f.first);
    }
    diags.sort(names);
    std::vector<std::string> out;
    for (const auto& d : diags.all()) {
        out.push_back(d.file + " " + line(d));
    }
    return out;
}

// Replaces the first occurrence of `from` in `text` (which must be there).
inline std::string with(std::string text, std::string_view from, std::string_view to)
{
    auto at = text.find(from);
    if (at == std::string::npos) {
        throw std::logic_error("fixture text not found: " + std::string(from));
    }
    return text.replace(at, from.size(), to);
}

using Lines = std::vector<std::string>;

} // namespace alignkit::test

// Show both sides of a failed comparison of diagnostic lines, one per line.
template <> struct doctest::StringMaker<std::vector<std::string>> {
    static doctest::String convert(const std::vector<std::string>& lines)
    {
        std::string out = "{\n";
        for (const auto& l : lines) {
            out += "    \"" + l + "\",\n";
        }
        return (out + "}").c_str();
    }
};
