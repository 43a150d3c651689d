#include "alignkit/util/csv.hpp"

#include <array>
#include <cstdint>
#include <doctest/doctest.h>
#include <sstream>
#include <string>
#include <vector>

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

TEST_CASE("a stream is read a buffer at a time, with records split anywhere across buffers")
{
    // Records long enough to cross the 64 KiB buffer, with quotes, doubled quotes, CRLF and
    // line breaks inside fields at every possible split.
    std::string text = "\xEF\xBB\xBFid,note\r\n";
    std::vector<std::vector<std::string>> expected;
    for (int i = 0; i < 3000; ++i) {
        std::string note = std::string(static_cast<std::size_t>(i % 97), 'x') + "\"q\"\n," + std::to_string(i);
        expected.push_back({std::to_string(i), note});
        std::string quoted;
        for (char c : note) {
            quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        }
        text += std::to_string(i) + ",\"" + quoted + "\"\r\n";
    }
    std::istringstream in(text);
    CsvReader reader(in);
    CsvRecord r;
    REQUIRE(reader.next(r));
    CHECK(r.fields == std::vector<std::string>{"id", "note"});
    std::size_t n = 0;
    std::size_t line = 2;
    while (reader.next(r)) {
        REQUIRE(n < expected.size());
        CHECK(r.fields == expected[n]);
        CHECK(r.line == line);
        line += 2; // each note holds one line break
        ++n;
    }
    CHECK(n == expected.size());
    CHECK(reader.error().empty());
}

TEST_CASE("a record read into again holds only the new fields, whatever widths came before")
{
    CsvReader reader("a,bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,c\n\"x\"\n,\nlong-long-long-long-long,y,z,w\n");
    reader.track_columns(false);
    CsvRecord r;
    std::vector<std::vector<std::string>> rows;
    while (reader.next(r)) {
        rows.push_back(r.fields);
        CHECK(r.columns.empty());
    }
    CHECK(rows == std::vector<std::vector<std::string>>{{"a", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "c"},
                                                        {"x"},
                                                        {"", ""},
                                                        {"long-long-long-long-long", "y", "z", "w"}});
}

TEST_CASE("long fields: separators, quotes and line breaks found past the first 16 bytes")
{
    const std::string text = "0123456789abcdefghij-0123456789,\"quoted 0123456789abcdef \"\"x\"\" and,\nmore\","
                             "0123456789abcdefghij\"stray,"
                             "\"closed\"0123456789abcdefghijklmnop\r\nnext-0123456789abcdefghij";
    CsvReader reader(text);
    CsvRecordView view;
    REQUIRE(reader.next(view));
    CHECK(view.line == 1);
    REQUIRE(view.fields.size() == 4);
    CHECK(view.fields[0] == "0123456789abcdefghij-0123456789");
    CHECK(view.fields[1] == "quoted 0123456789abcdef \"x\" and,\nmore");
    CHECK(view.fields[2] == "0123456789abcdefghij\"stray");
    CHECK(view.fields[3] == "closed0123456789abcdefghijklmnop");
    REQUIRE(reader.next(view));
    CHECK(view.line == 3);
    CHECK(view.fields == std::vector<std::string_view>{"next-0123456789abcdefghij"});
    CHECK_FALSE(reader.next(view));
}

TEST_CASE("cells a spreadsheet would run as formulas are written as text")
{
    CHECK(csv_cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_cell("+1 555 0100") == "\"'+1 555 0100\"");
    CHECK(csv_cell("-cmd|' /C calc'!A0") == "\"'-cmd|' /C calc'!A0\"");
    CHECK(csv_cell("@SUM(A1:A9)") == "\"'@SUM(A1:A9)\"");
    CHECK(csv_cell("\tx") == "\"'\tx\"");
    CHECK(csv_cell("-12") == "-12"); // numbers stay numbers
    CHECK(csv_cell("+1.5") == "+1.5");
    CHECK(csv_cell("a=b") == "a=b");
    CHECK(csv_cell("O'Brien, Pat") == "\"O'Brien, Pat\"");
    CHECK(csv_line({"=1+1", "ok"}) == "\"'=1+1\",ok\n");
}

TEST_CASE("a streamed record or field past the limits ends the input with its line")
{
    std::istringstream unclosed("a,b\n1,2\n3,\"" + std::string(k_max_csv_record + 10, 'x'));
    CsvReader reader(unclosed);
    CsvRecord record;
    CHECK(reader.next(record));
    CHECK(reader.next(record));
    CHECK_FALSE(reader.next(record));
    CHECK(reader.error() == "the record that starts on line 3 is longer than 16 MiB, more than any export writes; "
                            "a quote may be missing");

    std::istringstream wide("a,b\n1," + std::string(k_max_csv_field + 1, 'y') + "\n");
    CsvReader wide_reader(wide);
    CHECK(wide_reader.next(record));
    CHECK_FALSE(wide_reader.next(record));
    CHECK(wide_reader.error() ==
          "field 2 of the record on line 2 holds more than 1 MiB, more than any export writes; a quote may be missing");
}

namespace {

struct Reading {
    std::vector<std::vector<std::string>> fields;
    std::vector<std::size_t> lines;
    std::string error;
    bool operator==(const Reading&) const = default;
};

// Every record of `reader`, whichever way it reads.
Reading read_through(CsvReader& reader)
{
    Reading out;
    CsvRecord r;
    while (reader.next(r)) {
        out.fields.push_back(r.fields);
        out.lines.push_back(r.line);
    }
    out.error = reader.error();
    return out;
}

} // namespace

TEST_CASE("plain records are split the fast way exactly as the general parser splits them")
{
    // Without columns the reader splits plain records 16 bytes at a time; with columns it
    // parses every byte. Random texts of export pieces, in memory and streamed (records
    // crossing the 64 KiB buffer), must read the same both ways.
    std::uint64_t state = 0x9E3779B97F4A7C15U;
    auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    // Pieces of exports: separators, line breaks, quotes alone, and whole quoted cells plain
    // ("Partner, NA"), doubled ("Event ""Summit""") or across lines.
    const std::array<std::string_view, 12> pieces = {",",
                                                     "\n",
                                                     "\r",
                                                     "\r\n",
                                                     "\"",
                                                     "a",
                                                     "bcdefghijklmnop",
                                                     " ",
                                                     "\"Partner, NA\"",
                                                     "\"Event \"\"Summit\"\"\"",
                                                     "\"two\nlines\"",
                                                     "\"\""};
    for (int round = 0; round < 600; ++round) {
        std::string text;
        const std::size_t size = round < 590 ? next() % 200 : 70000 + next() % 1000;
        const auto mode = next() % 3; // 0: no quotes, 1: quoted cells, 2: stray quotes too
        while (text.size() < size) {
            const auto piece = pieces[next() % pieces.size()];
            if ((mode == 0 && piece.find('"') != std::string_view::npos) || (mode == 1 && piece == "\"")) {
                continue;
            }
            text += piece;
        }
        CsvReader general(text);
        CsvReader fast(text);
        fast.track_columns(false);
        const auto expected = read_through(general);
        REQUIRE_MESSAGE(read_through(fast) == expected, "round ", round);
        std::istringstream in(text);
        CsvReader streamed(in);
        streamed.track_columns(false);
        REQUIRE_MESSAGE(read_through(streamed) == expected, "round ", round, " streamed");
    }
}
