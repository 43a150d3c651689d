#include "alignkit/util/path_patterns.hpp"

#include <fnmatch.h>

namespace alignkit {
namespace {

std::vector<std::string> split_parts(std::string_view path)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto end = path.find('/', start);
        const auto part = path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (!part.empty()) {
            parts.emplace_back(part);
        }
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    return parts;
}

// Pattern parts against path parts; "**" takes any number of parts. Each other part is one
// fnmatch of a name, so `*` cannot cross a `/`. Worked out as a table of (pattern part, path
// part) so that many "**" cost their product, not a search that doubles with each.
bool match_parts(const std::vector<std::string>& pattern, const std::vector<std::string>& path)
{
    const std::size_t columns = path.size() + 1;
    // matched[p * columns + s]: pattern parts from p match path parts from s.
    std::vector<char> matched((pattern.size() + 1) * columns, 0);
    matched[pattern.size() * columns + path.size()] = 1;
    for (std::size_t p = pattern.size(); p-- > 0;) {
        for (std::size_t s = path.size() + 1; s-- > 0;) {
            const bool here = pattern[p] == "**" ? matched[(p + 1) * columns + s] != 0 ||
                                                       (s < path.size() && matched[p * columns + s + 1] != 0)
                                                 : s < path.size() && matched[(p + 1) * columns + s + 1] != 0 &&
                                                       fnmatch(pattern[p].c_str(), path[s].c_str(), 0) == 0;
            matched[p * columns + s] = here ? 1 : 0;
        }
    }
    return matched[0] != 0;
}

} // namespace

void PathPatterns::add(std::string_view line)
{
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
        line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') {
        return;
    }
    Pattern pattern;
    if (line.front() == '!') {
        pattern.negated = true;
        line.remove_prefix(1);
    }
    if (line.ends_with('/')) {
        pattern.folders_only = true;
        line.remove_suffix(1);
    }
    pattern.anchored = line.find('/') != std::string_view::npos;
    pattern.parts = split_parts(line);
    if (pattern.parts.empty()) {
        return; // "/" or "!": nothing to match
    }
    m_patterns.push_back(std::move(pattern));
}

void PathPatterns::add_lines(std::string_view text)
{
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        add(text.substr(start, end - start));
        start = end + 1;
    }
}

bool PathPatterns::excluded(std::string_view relative, bool folder) const
{
    const auto path = split_parts(relative);
    if (path.empty()) {
        return false;
    }
    bool out = false;
    for (const auto& pattern : m_patterns) {
        if (pattern.folders_only && !folder) {
            continue;
        }
        // Unanchored, the pattern is a name at any depth: the path's last part. (The folders
        // above a path were looked at when the walk reached them.)
        const bool matches =
            pattern.anchored ? match_parts(pattern.parts, path) : match_parts(pattern.parts, {path.back()});
        if (matches) {
            out = !pattern.negated;
        }
    }
    return out;
}

} // namespace alignkit
