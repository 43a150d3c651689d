// Any text as lifecycle criteria. What parses must print canonically, and the printed form
// must parse back to the same criteria (print, parse, print gives the same text); checks,
// ranges and evaluation must not crash.
#include "alignkit/exports/row_criterion.hpp"
#include "alignkit/model/criteria.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace alignkit::criteria;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Problem problem;
    const auto expr = parse(text, problem);
    if (!expr) {
        return 0;
    }
    const std::string printed = to_string(*expr);
    const auto again = parse(printed, problem);
    if (!again || to_string(*again) != printed) {
        std::abort(); // the canonical form must round-trip
    }
    (void)to_words(*expr);
    (void)ranges(*expr);
    const FieldTypes fields{{"n", alignkit::FieldType::number}, {"t", alignkit::FieldType::text}};
    (void)type_check(*expr, fields);
    const std::vector<alignkit::CellReading> readings{{"n", 0, alignkit::FieldType::number, {}, false},
                                                      {"t", 1, alignkit::FieldType::text, {"x"}, true}};
    const std::vector<std::string_view> cells{"2", "X"};
    (void)alignkit::RowCriterion(*expr, readings, std::nullopt).holds(cells);
    return 0;
}
