#include "alignkit/config/codes.hpp"

#include <doctest/doctest.h>
#include <set>
#include <string>

using namespace alignkit;

TEST_CASE("every code has one entry, in enum order, fully written")
{
    std::set<std::string_view> ids;
    std::size_t index = 0;
    for (const auto& c : all_codes()) {
        CAPTURE(c.id);
        CHECK(static_cast<std::size_t>(c.code) == index++);
        CHECK(ids.insert(c.id).second);
        CHECK(c.id.size() == 6);
        CHECK(c.id.substr(0, 2) == "AK");
        CHECK_FALSE(c.title.empty());
        CHECK(c.explanation.size() > 40);
        CHECK_FALSE(c.fix.empty());
        CHECK(&info(c.code) == &c);
    }
    CHECK(all_codes().back().code == Code::csv_bad_value);
}

TEST_CASE("codes parse in either case")
{
    CHECK(parse_code("AK1101") == Code::unknown_key);
    CHECK(parse_code("ak1101") == Code::unknown_key);
    CHECK_FALSE(parse_code("AK9999"));
    CHECK(to_string(Code::unknown_key) == "AK1101");
}
