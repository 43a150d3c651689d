// Any text as lifecycle criteria. What parses must print canonically, and the printed form
// must parse back to the same criteria (print, parse, print gives the same text); checks,
// ranges and evaluation must not crash.
#include "alignkit/model/criteria.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

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
    (void)evaluate(*expr, Row{{"n", Literal{2.0}}, {"t", Literal{std::string("x")}}});
    return 0;
}
