#include "util/tables.hpp"

#include <doctest/doctest.h>

using namespace alignkit;

TEST_CASE("aligned tables line up columns of wide and combining characters")
{
    TextTable t;
    t.header = {"owner", "leads"};
    t.right = {false, true};
    t.rows = {{"山田", "12"}, {"Zoe\xCC\x88", "3"}, {"ann", "100"}};
    CHECK(aligned_table(t) == "  owner  leads\n"
                              "  山田      12\n"
                              "  Zoe\xCC\x88        3\n"
                              "  ann      100\n");
}
