#include "alignkit/audit/lookup_table.hpp"

#include "alignkit/util/csv.hpp"
#include "alignkit/util/text.hpp"

#include <fmt/format.h>

namespace alignkit {

std::optional<LookupTable> read_lookup_table(std::istream& in, const std::string& on, CostsError& error)
{
    CsvReader reader(in);
    CsvRecord row;
    if (!reader.next(row)) {
        error.message = reader.error().empty() ? "the file is empty" : reader.error();
        return std::nullopt;
    }
    LookupTable table;
    table.on = on;
    std::optional<std::size_t> key;
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
        if (!key && equal_ignoring_case(row.fields[i], on)) {
            key = i;
        } else {
            table.columns.push_back(terminal_safe(row.fields[i], false));
        }
    }
    if (!key) {
        error = {1, 1, fmt::format("the header has no column '{}' to join on", terminal_safe(on, false))};
        return std::nullopt;
    }
    if (table.columns.empty()) {
        error = {1, 1, "the header has no column besides the one joined on"};
        return std::nullopt;
    }
    const std::size_t width = row.fields.size();
    while (reader.next(row)) {
        if (row.fields.size() != width) {
            error = {row.line, 1, "a different number of fields than the header"};
            return std::nullopt;
        }
        std::vector<std::string> values;
        for (std::size_t i = 0; i < width; ++i) {
            if (i != *key) {
                values.push_back(terminal_safe(row.fields[i], false));
            }
        }
        const auto [it, fresh] = table.rows.try_emplace(row.fields[*key], values);
        if (!fresh && it->second != values) {
            error = {row.line, row.columns.size() > *key ? row.columns[*key] : 1,
                     fmt::format("'{}' is given twice, with different values", terminal_safe(row.fields[*key], false))};
            return std::nullopt;
        }
    }
    if (!reader.error().empty()) {
        error.message = reader.error();
        return std::nullopt;
    }
    return table;
}

} // namespace alignkit
