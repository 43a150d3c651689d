#pragma once
// What each campaign cost, for cost per lead, per assigned lead and per customer in the audit.

#include <cstddef>
#include <istream>
#include <map>
#include <optional>
#include <string>

namespace alignkit {

// What is wrong with a costs file, and where (line 0 when it is the file as a whole).
struct CostsError {
    std::size_t line = 0, column = 0;
    std::string message;
};

// A CSV with a header holding `source` and `cost` (any case; other columns are ignored), one
// row per campaign or per campaign and period: costs of the same source add up. A cost is a
// decimal number, optionally after a currency sign and with thousands separators
// (`$12,500.00`). nullopt, with `error`, for a file without those columns or a cost that is
// not a number.
std::optional<std::map<std::string, double>> read_campaign_costs(std::istream& in, CostsError& error);

} // namespace alignkit
