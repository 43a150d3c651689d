#include "alignkit/findings/baseline.hpp"
#include "alignkit/config/settings.hpp"

#include "alignkit/util/sha256.hpp"

#include <cctype>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>

namespace alignkit {
namespace {

constexpr std::string_view k_baseline_report = "alignkit-baseline";

// The message without the line numbers it quotes ("first on line 12" -> "first on line #").
std::string without_line_numbers(std::string_view message)
{
    std::string out;
    for (std::size_t i = 0; i < message.size(); ++i) {
        out += message[i];
        if (out.ends_with("line ")) {
            while (i + 1 < message.size() && std::isdigit(static_cast<unsigned char>(message[i + 1])) != 0) {
                ++i;
            }
            out += '#';
        }
    }
    return out;
}

// The file spelled one way: `./configs/x.yaml`, `configs//x.yaml` and the absolute path, run
// from the same folder, are all `configs/x.yaml`.
std::string file_key(const std::string& file)
{
    std::filesystem::path path(file);
    std::error_code ec;
    if (path.is_absolute()) {
        if (auto relative = std::filesystem::proximate(path, ec); !ec) {
            path = relative;
        }
    }
    return path.lexically_normal().generic_string();
}

} // namespace

std::vector<std::string> finding_fingerprints(const Diagnostics& diagnostics)
{
    std::vector<std::string> out;
    std::map<std::string, int> seen;
    for (const auto& d : diagnostics.all()) {
        const std::string key =
            fmt::format("{}\n{}\n{}", to_string(d.code), file_key(d.file), without_line_numbers(d.message));
        out.push_back(fmt::format("{}:{}", sha256_hex(key).substr(0, 32), seen[key]++));
    }
    return out;
}

std::string write_baseline(const ValidationResult& result)
{
    using Json = nlohmann::ordered_json;
    const auto prints = finding_fingerprints(result.diagnostics);
    Json findings = Json::array();
    for (std::size_t i = 0; i < prints.size(); ++i) {
        const auto& d = result.diagnostics.all()[i];
        findings.push_back(
            {{"fingerprint", prints[i]}, {"code", to_string(d.code)}, {"file", d.file}, {"message", d.message}});
    }
    const Json out = {{"report", k_baseline_report}, {"version", 1}, {"findings", std::move(findings)}};
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::optional<std::set<std::string>> read_baseline(std::string_view text, std::string& error)
{
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.value("report", "") != k_baseline_report) {
        error = "not a baseline; write one with 'alignkit validate --write-baseline FILE'";
        return std::nullopt;
    }
    if (j.value("version", 0) != 1) {
        error = fmt::format("a baseline of version {}; this alignkit reads version 1", j.value("version", 0));
        return std::nullopt;
    }
    std::set<std::string> out;
    const auto findings = j.find("findings");
    if (findings == j.end() || !findings->is_array()) {
        error = "\"findings\" is not a list";
        return std::nullopt;
    }
    for (const auto& f : *findings) {
        const auto print = f.is_object() ? f.find("fingerprint") : f.end();
        if (print == f.end() || !print->is_string()) {
            error = "a finding without a \"fingerprint\"";
            return std::nullopt;
        }
        out.insert(print->get<std::string>());
    }
    return out;
}

void apply_baseline(ValidationResult& result, const std::set<std::string>& known)
{
    const auto prints = finding_fingerprints(result.diagnostics);
    Diagnostics kept;
    for (std::size_t i = 0; i < prints.size(); ++i) {
        const auto& d = result.diagnostics.all()[i];
        // Findings that the input could not be read are never known: nothing was checked.
        const bool input = is_fixed_severity(d.code);
        if (!input && known.contains(prints[i])) {
            ++result.baselined;
        } else {
            kept.add(d.code, d.file, d.pos, d.message, d.hint) = d;
        }
    }
    result.diagnostics = std::move(kept);
}

} // namespace alignkit
