#pragma once
// Problems a user can cause are values, collected in a sink and reported together.

#include "alignkit/config/codes.hpp"
#include "alignkit/util/location.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace alignkit {

struct Diagnostic {
    std::string file; // as the user named it; "<stdin>" for standard input
    Position pos;     // 0:0 when the problem concerns the whole file
    int length = 1;   // columns the caret underlines
    Severity severity = Severity::error;
    Code code{};
    std::string message; // one sentence, no trailing period
    std::string hint;    // what to do about it; may be empty
};

// Collects diagnostics for one or more files. Not thread-safe: give each worker its own.
class Diagnostics {
  public:
    // Reports `code` at its default severity.
    Diagnostic& add(Code code, std::string file, Position pos, std::string message, std::string hint = {});
    void append(const Diagnostics& other);

    const std::vector<Diagnostic>& all() const { return m_items; }
    std::size_t count(Severity severity) const;
    bool has_errors() const { return count(Severity::error) > 0; }
    bool empty() const { return m_items.empty(); }

    // Orders by file (files named in `file_order` in that order, after any other file),
    // then position, then code, so reports are deterministic.
    void sort(const std::vector<std::string>& file_order);

  private:
    std::vector<Diagnostic> m_items;
};

} // namespace alignkit
