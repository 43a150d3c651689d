#include "alignkit/findings/validate_report.hpp"
#include "util/escape.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace alignkit {
namespace {

std::string diagnostic_line(const Diagnostic& d)
{
    std::string line = d.pos.line > 0 ? fmt::format("{}:{}:{}: ", d.file, d.pos.line, d.pos.column) : d.file + ": ";
    line += fmt::format("{}[{}]: {}", to_string(d.severity), to_string(d.code), d.message);
    if (!d.hint.empty()) {
        line += " (hint: " + d.hint + ")";
    }
    return line;
}

} // namespace

std::string render_junit(const ValidationResult& result, Date as_of)
{
    // One test case per file: it fails when the file has errors. Diagnostics that concern no
    // file that was read (a missing path) fail a case of their own.
    std::string cases;
    std::size_t failures = 0;
    std::string other_output;
    auto add_case = [&](const std::string& name, const std::vector<const Diagnostic*>& diags) {
        std::string errors;
        std::size_t error_count = 0;
        std::string_view first_error;
        for (const auto* d : diags) {
            if (d->severity == Severity::error) {
                if (error_count++ == 0) {
                    first_error = to_string(d->code);
                }
                errors += diagnostic_line(*d) + "\n";
            } else {
                other_output += diagnostic_line(*d) + "\n";
            }
        }
        cases +=
            fmt::format("  <testcase name=\"{}\" classname=\"alignkit.validate\" time=\"0\"", xml_escape(name, true));
        if (error_count == 0) {
            cases += "/>\n";
            return;
        }
        ++failures;
        cases += fmt::format(">\n    <failure message=\"{} error{}\" type=\"{}\">{}</failure>\n  </testcase>\n",
                             error_count, error_count == 1 ? "" : "s", first_error, xml_escape(errors, false));
    };
    // Findings grouped by file in one pass: files in the order given, then any other file a
    // finding names (a path that does not exist), in order of appearance.
    std::vector<std::string_view> named;
    std::map<std::string_view, std::vector<const Diagnostic*>> by_file;
    for (const auto& file : result.files) {
        named.push_back(file.path);
        by_file[file.path];
    }
    for (const auto& d : result.diagnostics.all()) {
        auto [it, fresh] = by_file.try_emplace(d.file);
        if (fresh) {
            named.push_back(d.file);
        }
        it->second.push_back(&d);
    }
    for (const auto& name : named) {
        add_case(std::string(name), by_file[name]);
    }
    return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<testsuite name=\"alignkit validate\" timestamp=\"{}T00:00:00\" hostname=\"localhost\" "
                       "tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
                       "  <properties/>\n{}  <system-out>{}</system-out>\n  <system-err/>\n</testsuite>\n",
                       to_string(as_of), named.size(), failures, cases, xml_escape(other_output, false));
}

} // namespace alignkit
