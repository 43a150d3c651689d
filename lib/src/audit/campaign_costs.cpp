#include "alignkit/audit/campaign_costs.hpp"

#include "alignkit/util/csv.hpp"
#include "alignkit/util/text.hpp"

#include <charconv>
#include <fmt/format.h>

namespace alignkit {
namespace {

std::optional<double> money(std::string_view text)
{
    std::string digits;
    for (const std::string_view sign : {"$", "\xE2\x82\xAC" /* € */, "\xC2\xA3" /* £ */}) {
        if (text.starts_with(sign)) {
            text.remove_prefix(sign.size());
        }
    }
    for (const char c : text) {
        if (c != ',' && c != ' ') {
            digits += c;
        }
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || value < 0) {
        return std::nullopt;
    }
    return value;
}

} // namespace

std::optional<std::map<std::string, double>> read_campaign_costs(std::istream& in, CostsError& error)
{
    CsvReader reader(in);
    CsvRecord row;
    if (!reader.next(row)) {
        error.message = reader.error().empty() ? "the file is empty" : reader.error();
        return std::nullopt;
    }
    std::optional<std::size_t> source, cost;
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
        const auto name = lower_ascii(row.fields[i]);
        source = name == "source" ? std::optional(i) : source;
        cost = name == "cost" ? std::optional(i) : cost;
    }
    if (!source || !cost) {
        error = {1, 1, "the header needs a 'source' and a 'cost' column"};
        return std::nullopt;
    }
    std::map<std::string, double> costs;
    while (reader.next(row)) {
        const auto value = *cost < row.fields.size() ? money(row.fields[*cost]) : std::nullopt;
        if (!value || *source >= row.fields.size()) {
            const bool has_cost = *cost < row.fields.size();
            error = {row.line, has_cost && *cost < row.columns.size() ? row.columns[*cost] : 1,
                     has_cost ? fmt::format("'{}' is not a cost", row.fields[*cost])
                              : "the row has no cost (fewer fields than the header)"};
            return std::nullopt;
        }
        costs[row.fields[*source]] += *value;
    }
    if (!reader.error().empty()) {
        error.message = reader.error();
        return std::nullopt;
    }
    return costs;
}

} // namespace alignkit
