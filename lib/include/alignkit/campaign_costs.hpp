#pragma once
// What each campaign cost, for cost per lead, per assigned lead and per customer in the audit.

#include <istream>
#include <map>
#include <optional>
#include <string>

namespace alignkit {

// A CSV with a header holding `source` and `cost` (any case; other columns are ignored), one
// row per campaign or per campaign and period: costs of the same source add up. A cost is a
// decimal number, optionally after a currency sign and with thousands separators
// (`$12,500.00`). nullopt, with `error` naming the line, for a file without those columns or
// a cost that is not a number.
std::optional<std::map<std::string, double>> read_campaign_costs(std::istream& in, std::string& error);

} // namespace alignkit
