#pragma once
// A table of plain-text cells, as documents and reports hold them before a renderer lays
// them out (lib/src/tables.hpp).

#include <string>
#include <vector>

namespace alignkit {

struct TextTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> right; // columns aligned right (numbers); missing entries are left
};

} // namespace alignkit
