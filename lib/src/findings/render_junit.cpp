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

std::string render_junit(const ValidationResult& result, Date as_of, std::optional<Severity> failing)
{
    // The Ant schema allows one failure (or skipped) per test case and nothing but name,
    // classname and time on it, and GitLab reads only test cases: so each finding is a case
    // of its own, its file as the class, and a file without findings is one passing case.
    std::string cases;
    std::size_t tests = 0, failures = 0, skipped = 0;
    auto add_finding = [&](const Diagnostic& d) {
        ++tests;
        const auto where = d.pos.line > 0 ? fmt::format("{}:{}:{}", d.file, d.pos.line, d.pos.column) : d.file;
        const auto summary = fmt::format("{}[{}]: {}", to_string(d.severity), to_string(d.code), d.message);
        cases += fmt::format("  <testcase name=\"{} {}\" classname=\"{}\" time=\"0\">\n", xml_escape(where, true),
                             to_string(d.code), xml_escape(d.file, true));
        if (failing && d.severity <= *failing) {
            ++failures;
            cases += fmt::format("    <failure message=\"{}\" type=\"{}\">{}</failure>\n", xml_escape(summary, true),
                                 to_string(d.code), xml_escape(diagnostic_line(d), false));
        } else {
            ++skipped;
            cases += fmt::format("    <skipped message=\"{}\">{}</skipped>\n", xml_escape(summary, true),
                                 xml_escape(diagnostic_line(d), false));
        }
        cases += "  </testcase>\n";
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
        const auto& findings = by_file[name];
        if (findings.empty()) {
            ++tests;
            cases += fmt::format("  <testcase name=\"{}\" classname=\"{}\" time=\"0\"/>\n", xml_escape(name, true),
                                 xml_escape(name, true));
        }
        for (const auto* d : findings) {
            add_finding(*d);
        }
    }
    return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<testsuite name=\"alignkit validate\" timestamp=\"{}T00:00:00\" hostname=\"localhost\" "
                       "tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"0\">\n"
                       "  <properties/>\n{}  <system-out/>\n  <system-err/>\n</testsuite>\n",
                       to_string(as_of), tests, failures, skipped, cases);
}

} // namespace alignkit
