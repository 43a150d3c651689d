#include "alignkit/csv.hpp"

#include <doctest/doctest.h>

using namespace alignkit;

namespace {

std::vector<std::vector<std::string>> all(std::string_view text, std::vector<std::size_t>* lines = nullptr)
{
    CsvReader reader(text);
    CsvRecord r;
    std::vector<std::vector<std::string>> out;
    while (reader.next(r)) {
        out.push_back(r.fields);
        if (lines != nullptr) {
            lines->push_back(r.line);
        }
    }
    return out;
}

} // namespace

TEST_CASE("CSV per RFC 4180: quotes, doubled quotes, line breaks in fields, CRLF, BOM")
{
    std::vector<std::size_t> lines;
    auto rows = all("\xEF\xBB\xBFid,text\r\n1,\"a, \"\"b\"\"\"\r\n2,\"two\nlines\"\r\n3,", &lines);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == std::vector<std::string>{"id", "text"});
    CHECK(rows[1] == std::vector<std::string>{"1", "a, \"b\""});
    CHECK(rows[2] == std::vector<std::string>{"2", "two\nlines"});
    CHECK(rows[3] == std::vector<std::string>{"3", ""});
    CHECK(lines == std::vector<std::size_t>{1, 2, 3, 5});
    CsvReader reader("a,\"b\"\"c\",d\n\u00e9\u00e9,x\n");
    CsvRecord r;
    REQUIRE(reader.next(r));
    CHECK(r.columns == std::vector<std::size_t>{1, 3, 10});
    REQUIRE(reader.next(r));
    CHECK(r.columns == std::vector<std::size_t>{1, 4}); // characters, not bytes
}

TEST_CASE("an unterminated quote is reported with its line")
{
    CsvReader reader("a,b\n1,\"open\n2,3\n");
    CsvRecord r;
    CHECK(reader.next(r));
    CHECK_FALSE(reader.next(r));
    CHECK(reader.error() == "a quoted field that starts on line 2 is never closed");
}
