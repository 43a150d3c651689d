#include "findings/suppressions.hpp"

#include "alignkit/util/text.hpp"

#include <fmt/format.h>
#include <map>
#include <set>

namespace alignkit {
namespace {

struct Suppression {
    std::string code;
    int line = 0;   // the line whose findings it suppresses
    Position where; // of the code in the comment
    bool used = false;
};

// The suppressions one file's comments hold.
std::vector<Suppression> suppressions_in(std::string_view text)
{
    constexpr std::string_view k_line = "alignkit-disable-line", k_next = "alignkit-disable-next-line";
    std::vector<Suppression> out;
    int line = 1;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const auto content = text.substr(start, end - start);
        const auto hash = content.find('#');
        if (hash != std::string_view::npos) {
            auto comment = content.substr(hash + 1);
            const auto at = comment.find("alignkit-disable-");
            if (at != std::string_view::npos) {
                comment = comment.substr(at);
                const bool next = comment.starts_with(k_next);
                const bool same = !next && comment.starts_with(k_line);
                if (next || same) {
                    auto rest = comment.substr(next ? k_next.size() : k_line.size());
                    const auto reason = rest.find("--");
                    rest = rest.substr(0, reason);
                    std::size_t i = 0;
                    while (i < rest.size()) {
                        while (i < rest.size() && (rest[i] == ' ' || rest[i] == ',' || rest[i] == '\t')) {
                            ++i;
                        }
                        std::size_t j = i;
                        while (j < rest.size() && rest[j] != ' ' && rest[j] != ',' && rest[j] != '\t' &&
                               rest[j] != '\r') {
                            ++j;
                        }
                        if (j > i) {
                            const auto offset = static_cast<std::size_t>(rest.data() - text.data()) + i;
                            out.push_back({std::string(rest.substr(i, j - i)), next ? line + 1 : line,
                                           position_of(text, offset), false});
                        }
                        i = j;
                    }
                }
            }
        }
        if (end == text.size()) {
            break;
        }
        start = end + 1;
        ++line;
    }
    return out;
}

} // namespace

void apply_suppressions(ValidationResult& result)
{
    std::map<std::string_view, std::vector<Suppression>> by_file;
    for (const auto& file : result.files) {
        if (file.text.find("alignkit-disable-") != std::string::npos) {
            by_file[file.path] = suppressions_in(file.text);
        }
    }
    if (by_file.empty()) {
        return;
    }
    Diagnostics kept;
    for (const auto& d : result.diagnostics.all()) {
        bool suppressed = false;
        if (auto it = by_file.find(d.file); it != by_file.end() && d.pos.line > 0) {
            for (auto& s : it->second) {
                if (s.line == d.pos.line && s.code == to_string(d.code)) {
                    s.used = true;
                    suppressed = true;
                }
            }
        }
        if (suppressed) {
            ++result.suppressed;
        } else {
            kept.add(d.code, d.file, d.pos, d.message, d.hint) = d;
        }
    }
    for (const auto& [file, suppressions] : by_file) {
        for (const auto& s : suppressions) {
            if (!s.used) {
                kept.add(Code::unused_suppression, std::string(file), s.where,
                         fmt::format("'{}' is suppressed on line {}, but no finding there has it", s.code, s.line),
                         "remove the code from the comment, or fix the line the comment points at")
                    .length = static_cast<int>(s.code.size());
            }
        }
    }
    result.diagnostics = std::move(kept);
}

} // namespace alignkit
