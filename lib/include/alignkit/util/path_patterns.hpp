#pragma once
// Which files a walk of a folder leaves out, written as .gitignore writes it, since that is
// how people already say it: `*` and `?` never cross a `/`, `**` does; a pattern without a
// `/` (or with one only at its end) matches a name at any depth; one with a `/` elsewhere is
// anchored to the folder (a leading `/` only says so); a trailing `/` matches folders only;
// `!` takes a path back in; the last pattern that matches decides. A folder left out leaves
// out all it holds.

#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

class PathPatterns {
  public:
    // One pattern, as a line of a .gitignore: blank lines and lines starting with `#` add
    // nothing; trailing blanks are dropped.
    void add(std::string_view line);
    // Every line of a file's text.
    void add_lines(std::string_view text);
    bool empty() const { return m_patterns.empty(); }

    // Whether `relative`, a path below the folder with `/` between its parts, is left out;
    // `folder` when it names a folder.
    bool excluded(std::string_view relative, bool folder) const;

  private:
    struct Pattern {
        std::vector<std::string> parts; // split at `/`; "**" is a part of its own
        bool negated = false;
        bool folders_only = false;
        bool anchored = false;
    };
    std::vector<Pattern> m_patterns;
};

} // namespace alignkit
