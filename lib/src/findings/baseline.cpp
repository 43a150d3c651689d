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

// The message without the numbers it gives outside quoted names ("first on line 12" ->
// "first on line #", "61 days overdue (as of 2027-06-01)" -> "# days overdue (as of #-#-#)"):
// line numbers move with edits above, and counts and dates drift from run to run, while the
// finding stays the same. A name such as 'stage2' is kept whole: it tells findings apart.
std::string without_numbers(std::string_view message)
{
    auto is = [&](std::size_t i, auto test) {
        return i < message.size() && test(static_cast<unsigned char>(message[i])) != 0;
    };
    auto alnum = [](unsigned char c) { return std::isalnum(c); };
    auto digit = [](unsigned char c) { return std::isdigit(c); };
    auto word = [](unsigned char c) { return std::isalpha(c) != 0 || c == '_' ? 1 : 0; };
    std::string out;
    bool quoted = false;
    for (std::size_t i = 0; i < message.size(); ++i) {
        const char c = message[i];
        // A quote opens after a space or at the start and closes before one: the apostrophe of
        // "the SLA's" is neither.
        if (c == '\'' && (quoted ? !is(i + 1, alnum) : (i == 0 || !is(i - 1, alnum)))) {
            quoted = !quoted;
        }
        if (!quoted && is(i, digit)) {
            // A number, to the end of its digits (and a decimal part); in a word (score2), part
            // of the word.
            auto point = [](unsigned char ch) { return ch == '.' ? 1 : 0; };
            std::size_t end = i;
            while (is(end + 1, digit) || (is(end + 1, point) && is(end + 2, digit))) {
                ++end;
            }
            const bool in_word = i > 0 && is(i - 1, word);
            out += in_word ? std::string(message.substr(i, end - i + 1)) : std::string("#");
            i = end;
            continue;
        }
        out += c;
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
            fmt::format("{}\n{}\n{}", to_string(d.code), file_key(d.file), without_numbers(d.message));
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
