#include "alignkit/findings/validate_report.hpp"
#include "util/escape.hpp"

#include <algorithm>
#include <fmt/format.h>

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
    std::vector<std::string> named;
    for (const auto& file : result.files) {
        named.push_back(file.path);
    }
    for (const auto& d : result.diagnostics.all()) {
        if (std::find(named.begin(), named.end(), d.file) == named.end()) {
            named.push_back(d.file);
        }
    }
    for (const auto& name : named) {
        std::vector<const Diagnostic*> diags;
        for (const auto& d : result.diagnostics.all()) {
            if (d.file == name) {
                diags.push_back(&d);
            }
        }
        add_case(name, diags);
    }
    return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<testsuite name=\"alignkit validate\" timestamp=\"{}T00:00:00\" hostname=\"localhost\" "
                       "tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
                       "  <properties/>\n{}  <system-out>{}</system-out>\n  <system-err/>\n</testsuite>\n",
                       to_string(as_of), named.size(), failures, cases, xml_escape(other_output, false));
}

} // namespace alignkit
