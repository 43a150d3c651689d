// The machine-readable renderers of a validation result: JSON, SARIF 2.1.0, GitHub
// workflow commands.

#include "alignkit/findings/baseline.hpp"
#include "alignkit/findings/validate_report.hpp"
#include "alignkit/model/version.hpp"
#include "alignkit/util/sha256.hpp"
#include "alignkit/util/text.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace alignkit {
namespace {

using Json = nlohmann::ordered_json;

constexpr int k_json_report_version = 1;

std::size_t document_count(const ValidationResult& result)
{
    std::size_t n = 0;
    for (const auto& file : result.files) {
        n += file.documents;
    }
    return n;
}

// Percent-encodes what a relative URI reference may not hold as is (RFC 3986).
std::string uri_reference(std::string_view path)
{
    std::string out;
    constexpr std::string_view k_allowed = "-._~/!$&'()*+,;=:@";
    for (char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        const bool keep = std::isalnum(byte) != 0 || k_allowed.find(c) != std::string_view::npos;
        out += keep ? std::string(1, c) : fmt::format("%{:02X}", byte);
    }
    return out;
}

// Where a finding's file is, as every SARIF consumer reads it: a relative path against
// %SRCROOT% (the folder the run started in: code scanning's checkout), an absolute one as a
// file:// URI. A relative reference that begins with a slash is what validators reject.
Json artifact_location(std::string_view path)
{
    if (path.starts_with('/')) {
        return {{"uri", "file://" + uri_reference(path)}};
    }
    return {{"uri", uri_reference(std::filesystem::path(path).lexically_normal().generic_string())},
            {"uriBaseId", "%SRCROOT%"}};
}

// A file as GitLab matches it to the merge request's diff: relative without `./` or `..`
// steps inside it ("./configs/x.yaml" is "configs/x.yaml").
std::string repository_path(std::string_view path)
{
    return path.starts_with('/') ? std::string(path) : std::filesystem::path(path).lexically_normal().generic_string();
}

// A rule's name as SARIF viewers list it: its title in PascalCase ("no configs found" ->
// "NoConfigsFound").
std::string rule_name(std::string_view title)
{
    std::string out;
    bool start = true;
    for (char c : title) {
        if (std::isalnum(static_cast<unsigned char>(c)) == 0) {
            start = true;
            continue;
        }
        out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        start = false;
    }
    return out;
}

std::string_view sarif_level(Severity s)
{
    switch (s) {
    case Severity::error:
        return "error";
    case Severity::warning:
        return "warning";
    case Severity::info:
        return "note";
    }
    return "none";
}

std::string_view github_command(Severity s)
{
    switch (s) {
    case Severity::error:
        return "error";
    case Severity::warning:
        return "warning";
    case Severity::info:
        return "notice";
    }
    return "notice";
}

// GitHub's workflow-command escaping: data escapes %, CR and LF; properties also ':' and ','.
std::string github_escape(std::string_view text, bool property)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '%':
            out += "%25";
            break;
        case '\r':
            out += "%0D";
            break;
        case '\n':
            out += "%0A";
            break;
        case ':':
            out += property ? "%3A" : ":";
            break;
        case ',':
            out += property ? "%2C" : ",";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace

std::string render_json(const ValidationResult& result)
{
    // Counts per file in one pass over the findings, not one pass per file.
    std::map<std::string_view, std::pair<std::size_t, std::size_t>> counts; // errors, warnings
    for (const auto& d : result.diagnostics.all()) {
        auto& [errors, warnings] = counts[d.file];
        errors += d.severity == Severity::error ? 1 : 0;
        warnings += d.severity == Severity::warning ? 1 : 0;
    }
    Json files = Json::array();
    for (const auto& file : result.files) {
        const auto [errors, warnings] = counts[file.path];
        files.push_back(
            {{"path", file.path}, {"documents", file.documents}, {"errors", errors}, {"warnings", warnings}});
    }
    Json report = {
        {"report", "alignkit-validate"},
        {"version", k_json_report_version},
        {"tool", {{"name", "alignkit"}, {"version", version()}}},
        {"summary",
         {{"files", result.files.size()},
          {"documents", document_count(result)},
          {"errors", result.count(Severity::error)},
          {"warnings", result.count(Severity::warning)},
          {"infos", result.count(Severity::info)},
          {"suppressed", result.suppressed},
          {"baselined", result.baselined},
          {"turned_off", result.turned_off}}},
        {"settings", result.settings.empty() ? Json(nullptr) : Json(result.settings)},
        {"files", std::move(files)},
        {"skipped", result.skipped},
        {"excluded", result.excluded},
        {"diagnostics", Json::array()},
    };
    std::string out = report.dump(2, ' ', false, Json::error_handler_t::replace);
    if (result.diagnostics.empty()) {
        return out + "\n";
    }
    // The findings are written one by one into the array the report ends with: memory holds
    // the output, not a tree of every finding besides it.
    constexpr std::string_view k_tail = "[]\n}";
    out.resize(out.size() - k_tail.size());
    out += "[";
    bool first = true;
    for (const auto& d : result.diagnostics.all()) {
        Json item = {{"file", d.file},
                     {"line", d.pos.line},
                     {"column", d.pos.column},
                     {"length", d.length},
                     {"severity", to_string(d.severity)},
                     {"code", to_string(d.code)},
                     {"title", info(d.code).title},
                     {"message", d.message}};
        item["hint"] = d.hint.empty() ? Json(nullptr) : Json(d.hint);
        out += first ? "\n    " : ",\n    ";
        first = false;
        const std::string text = item.dump(2, ' ', false, Json::error_handler_t::replace);
        for (const char c : text) {
            out += c;
            if (c == '\n') {
                out += "    "; // nested two levels deep in the report
            }
        }
    }
    return out + "\n  ]\n}\n";
}

std::string render_sarif(const ValidationResult& result)
{
    Json rules = Json::array();
    for (const auto& code : all_codes()) {
        // Help as `alignkit explain` gives it: what it means, then how to fix it.
        rules.push_back({{"id", code.id},
                         {"name", rule_name(code.title)},
                         {"shortDescription", {{"text", fmt::format("{}.", code.title)}}},
                         {"fullDescription", {{"text", code.explanation}}},
                         {"help",
                          {{"text", fmt::format("{}\n\nFix: {}", code.explanation, code.fix)},
                           {"markdown", fmt::format("**{} {}**\n\n{}\n\n**Fix:** {}", code.id, code.title,
                                                    code.explanation, code.fix)}}},
                         {"defaultConfiguration", {{"level", sarif_level(code.severity)}}}});
        if (const auto& help = result.links.help_uri; !help.empty()) {
            auto uri = help;
            for (auto at = uri.find("{code}"); at != std::string::npos; at = uri.find("{code}", at)) {
                uri.replace(at, 6, code.id);
            }
            rules.back()["helpUri"] = uri;
        }
    }
    Json driver = {{"name", "alignkit"}, {"version", version()}, {"semanticVersion", version()}};
    if (!result.links.information_uri.empty()) {
        driver["informationUri"] = result.links.information_uri;
    }
    driver["rules"] = std::move(rules);
    Json artifacts = Json::array();
    for (const auto& file : result.files) {
        artifacts.push_back({{"location", artifact_location(file.path)}});
    }
    Json results = Json::array();
    const auto fingerprints = finding_fingerprints(result.diagnostics);
    for (std::size_t i = 0; i < fingerprints.size(); ++i) {
        const auto& d = result.diagnostics.all()[i];
        Json physical = {{"artifactLocation", artifact_location(d.file)}};
        if (d.pos.line > 0) {
            physical["region"] = {
                {"startLine", d.pos.line}, {"startColumn", d.pos.column}, {"endColumn", d.pos.column + d.length}};
        }
        std::string text = d.message + ".";
        if (!d.hint.empty()) {
            text += " Hint: " + d.hint;
        }
        results.push_back({{"ruleId", to_string(d.code)},
                           {"ruleIndex", static_cast<int>(d.code)},
                           {"level", sarif_level(d.severity)},
                           {"message", {{"text", text}}},
                           {"locations", Json::array({{{"physicalLocation", physical}}})},
                           {"partialFingerprints", {{"alignkitFinding/v1", fingerprints[i]}}}});
    }
    Json sarif = {
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", Json::array({{{"tool", {{"driver", std::move(driver)}}},
                               {"artifacts", std::move(artifacts)},
                               {"columnKind", "unicodeCodePoints"},
                               {"results", std::move(results)}}})},
    };
    return sarif.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string render_gitlab(const ValidationResult& result)
{
    // GitLab's severities: an error blocks, a warning is major, the rest minor. Its
    // fingerprint must be unique per issue and stable across runs, as ours is.
    auto severity = [](Severity s) {
        return s == Severity::error ? "blocker" : s == Severity::warning ? "major" : "minor";
    };
    const auto fingerprints = finding_fingerprints(result.diagnostics);
    Json issues = Json::array();
    for (std::size_t i = 0; i < fingerprints.size(); ++i) {
        const auto& d = result.diagnostics.all()[i];
        std::string description = fmt::format("{} {}", to_string(d.code), d.message);
        if (!d.hint.empty()) {
            description += " (hint: " + d.hint + ")";
        }
        issues.push_back(
            {{"description", description},
             {"check_name", to_string(d.code)},
             {"fingerprint", fingerprints[i]},
             {"severity", severity(d.severity)},
             {"location", {{"path", repository_path(d.file)}, {"lines", {{"begin", std::max(d.pos.line, 1)}}}}}});
    }
    return issues.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string render_github(const ValidationResult& result)
{
    std::string out;
    for (const auto& d : result.diagnostics.all()) {
        std::string properties = "file=" + github_escape(d.file, true);
        if (d.pos.line > 0) {
            properties += fmt::format(",line={},col={}", d.pos.line, d.pos.column);
        }
        properties += ",title=" + github_escape(fmt::format("{} {}", to_string(d.code), info(d.code).title), true);
        std::string message = d.message;
        if (!d.hint.empty()) {
            message += "\nhint: " + d.hint;
        }
        // The log a workflow shows is a terminal too: no escape sequences from configs.
        out += fmt::format("::{} {}::{}\n", github_command(d.severity), terminal_safe(properties),
                           github_escape(terminal_safe(message), false));
    }
    return out;
}

} // namespace alignkit
