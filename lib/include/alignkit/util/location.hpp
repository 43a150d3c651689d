#pragma once
// Where a value came from in a config file, so checks made long after the YAML tree is
// gone can still point at the right line.

#include <string>

namespace alignkit {

// 1-based line and column; 0 means "unknown" (for example a whole file).
struct Position {
    int line = 0;
    int column = 0;
    friend bool operator==(const Position&, const Position&) = default;
};

// A value together with the position of the YAML node it was read from.
template <class T> struct Located {
    T value{};
    Position pos{};
};

} // namespace alignkit
