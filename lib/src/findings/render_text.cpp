#include "alignkit/findings/validate_report.hpp"
#include "alignkit/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace alignkit {
namespace {

struct Palette {
    std::string_view bold, red, yellow, cyan, green, dim, reset;
};
constexpr Palette k_color{"\x1b[1m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[1;36m", "\x1b[1;32m", "\x1b[2m", "\x1b[0m"};
constexpr Palette k_plain{};

std::string_view severity_color(Severity s, const Palette& p)
{
    switch (s) {
    case Severity::error:
        return p.red;
    case Severity::warning:
        return p.yellow;
    case Severity::info:
        return p.cyan;
    }
    return p.reset;
}

std::string plural(std::size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

// Columns count characters; the caret line repeats the source's tabs so it lines up.
std::string caret_line(std::string_view source, int column, int length)
{
    std::string out;
    int current = 1;
    for (std::size_t i = 0; i < source.size() && current < column; ++i) {
        const auto c = static_cast<unsigned char>(source[i]);
        if ((c & 0xC0) == 0x80) {
            continue;
        }
        out += c == '\t' ? '\t' : ' ';
        ++current;
    }
    out += '^';
    for (int i = 1; i < length; ++i) {
        out += '~';
    }
    return out;
}

// Config text must not drive the terminal: one line each, shown safely.
std::string printable(std::string_view text) { return terminal_safe(text, false); }

// Long lines (minified or generated input) are cut to a window around the column, so one
// diagnostic cannot flood the terminal.
struct Excerpt {
    std::string_view text;
    int column;
    bool cut_before;
    bool cut_after;
};

Excerpt excerpt(std::string_view line, int column)
{
    constexpr int k_window = 100;
    if (line.size() <= static_cast<std::size_t>(k_window) * 2) {
        return {line, column, false, false};
    }
    const int start = std::max(0, column - 1 - k_window / 2);
    const auto begin = std::min(line.size(), static_cast<std::size_t>(start));
    std::string_view text = line.substr(begin, k_window);
    // Do not start or end inside a UTF-8 sequence.
    while (!text.empty() && (static_cast<unsigned char>(text.front()) & 0xC0) == 0x80) {
        text.remove_prefix(1);
    }
    while (!text.empty() && static_cast<unsigned char>(text.back()) >= 0x80) {
        text.remove_suffix(1);
    }
    return {text, column - start, begin > 0, begin + text.size() < line.size()};
}

} // namespace

std::string render_text(const ValidationResult& result, const TextOptions& options)
{
    const Palette& p = options.color ? k_color : k_plain;
    // Each file's lines are indexed once: a file with thousands of findings stays linear.
    std::map<std::string_view, LineIndex> sources;
    for (const auto& file : result.files) {
        sources.emplace(file.path, LineIndex(file.text));
    }
    std::string out;
    for (const auto& d : result.diagnostics.all()) {
        std::string where = d.pos.line > 0 ? fmt::format("{}:{}:{}", d.file, d.pos.line, d.pos.column) : d.file;
        out += fmt::format("{}{}:{} {}{}[{}]{}: {}{}{}\n", p.bold, printable(where), p.reset,
                           severity_color(d.severity, p), to_string(d.severity), to_string(d.code), p.reset, p.bold,
                           printable(d.message), p.reset);
        auto source = sources.find(d.file);
        std::string_view line = source != sources.end() ? source->second.line(d.pos.line) : std::string_view{};
        // A file that is not text has no line worth showing.
        const bool text_file = d.code != Code::binary_file && d.code != Code::not_utf8;
        if (d.pos.line > 0 && !line.empty() && text_file) {
            const std::string number = std::to_string(d.pos.line);
            const std::string gutter(number.size(), ' ');
            const auto shown = excerpt(line, d.pos.column);
            const std::string_view before = shown.cut_before ? "..." : "";
            out += fmt::format("{} {} |{} {}{}{}\n", p.dim, number, p.reset, before, printable(shown.text),
                               shown.cut_after ? "..." : "");
            out += fmt::format("{} {} |{} {}{}{}{}\n", p.dim, gutter, p.reset, p.green, std::string(before.size(), ' '),
                               caret_line(shown.text, shown.column, std::min(d.length, 100)), p.reset);
        }
        if (!d.hint.empty()) {
            out += fmt::format("  {}hint:{} {}\n", p.cyan, p.reset, printable(d.hint));
        }
    }
    if (options.summary) {
        std::size_t documents = 0;
        for (const auto& file : result.files) {
            documents += file.documents;
        }
        if (!result.diagnostics.empty()) {
            out += '\n';
        }
        out += fmt::format("checked {}, {}: {}, {}", plural(result.files.size(), "file"), plural(documents, "document"),
                           plural(result.count(Severity::error), "error"),
                           plural(result.count(Severity::warning), "warning"));
        if (auto infos = result.count(Severity::info); infos > 0) {
            out += fmt::format(", {} info", infos);
        }
        if (result.suppressed > 0) {
            out += fmt::format(" ({} suppressed)", result.suppressed);
        }
        if (result.baselined > 0) {
            out += fmt::format(" ({} in the baseline)", result.baselined);
        }
        if (result.turned_off > 0) {
            out += fmt::format(" ({} turned off in {})", result.turned_off, printable(result.settings));
        }
        if (!result.skipped.empty()) {
            out += fmt::format("; skipped {} that {} not {}", plural(result.skipped.size(), "YAML file"),
                               result.skipped.size() == 1 ? "is" : "are",
                               result.skipped.size() == 1 ? "an alignkit config" : "alignkit configs");
        }
        if (!result.excluded.empty()) {
            out += fmt::format("; left out {} that {} excludes", plural(result.excluded.size(), "path"),
                               printable(result.settings));
        }
        out += '\n';
        if (options.verbose) {
            if (!result.settings.empty()) {
                out += fmt::format("  settings from {}\n", printable(result.settings));
            }
            for (const auto& file : result.skipped) {
                out += fmt::format("  skipped {}\n", printable(file));
            }
            for (const auto& path : result.excluded) {
                out += fmt::format("  left out {}\n", printable(path));
            }
        }
    }
    return out;
}

std::string render(const ValidationResult& result, ValidateFormat format, const TextOptions& text, Date as_of)
{
    switch (format) {
    case ValidateFormat::text:
        return render_text(result, text);
    case ValidateFormat::json:
        return render_json(result);
    case ValidateFormat::sarif:
        return render_sarif(result);
    case ValidateFormat::github:
        return render_github(result);
    case ValidateFormat::gitlab:
        return render_gitlab(result);
    case ValidateFormat::junit:
        return render_junit(result, as_of, text.failing);
    }
    return {};
}

} // namespace alignkit
