#pragma once
// A side table joined to the export by one field (`sla audit --lookup FILE --on FIELD`), as an
// analyst joins sales_teams.csv to a pipeline: owner -> team, manager, region. Its other
// columns become breakdowns for --by.

#include "alignkit/audit/campaign_costs.hpp"

#include <cstddef>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace alignkit {

// Its problems are told as a costs file's are (CostsError: what, and where).
struct LookupTable {
    std::string on;                   // the export field it joins on
    std::vector<std::string> columns; // its other columns, in file order
    // key -> the values of `columns` in order; the first row of a key wins.
    std::map<std::string, std::vector<std::string>, std::less<>> rows;
};

// A CSV with a header holding a column named `on` (any case), a row per key. nullopt, with
// `error`, for a file without that column, without other columns, or with a key given twice
// with different values.
std::optional<LookupTable> read_lookup_table(std::istream& in, const std::string& on, CostsError& error);

} // namespace alignkit
