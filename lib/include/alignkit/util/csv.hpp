#pragma once
// Reading CSV as RFC 4180 writes it: fields separated by commas, quoted fields with doubled
// quotes and line breaks inside, CRLF or LF, an optional UTF-8 byte order mark. And writing it.

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

// The most a field and a record of an export may hold. No CRM writes more (Salesforce's
// longest text field holds 131,072 characters); past them the input is refused with the line
// it happened on, usually a quote that is never closed, so memory and time stay bounded.
inline constexpr std::size_t k_max_csv_field = std::size_t{1} << 20;
inline constexpr std::size_t k_max_csv_record = std::size_t{16} << 20;

struct CsvRecord {
    std::size_t line = 0; // 1-based line the record starts on
    std::vector<std::string> fields;
    std::vector<std::size_t> columns; // 1-based column (in characters) where each field starts, if tracked
};

// A record as views: into the input where a field is written as it is, into the reader's
// own buffer where quotes had to be undone. Valid until the reader reads again.
struct CsvRecordView {
    std::size_t line = 0;
    std::vector<std::string_view> fields;
    std::vector<std::size_t> columns;
};

class CsvReader {
  public:
    // Reads records from text already in memory. A piece of a larger input (cut at a line
    // break) gives the line it starts on and keeps a leading byte order mark as data.
    explicit CsvReader(std::string_view text, std::size_t first_line = 1, bool at_input_start = true);
    // Reads records from a stream a buffer at a time: memory holds one buffer and the record
    // being read, however large the input.
    explicit CsvReader(std::istream& in);

    // Reads the next record; returns false at the end. An unterminated quote ends the input,
    // and so do, when streaming, a field over k_max_csv_field or a record over
    // k_max_csv_record; `error()` then says what and on which line.
    bool next(CsvRecord& record);
    // The same without copying fields: for readers that look at each record once.
    bool next(CsvRecordView& record);
    const std::string& error() const { return m_error; }
    // Whether records carry each field's column (on by default). Counting characters costs a
    // third of the reading; readers that never point at a field turn it off.
    void track_columns(bool on) { m_columns = on; }
    // The line the next record starts on, and (in memory) the offset of its first byte.
    std::size_t line() const { return m_line; }
    std::size_t offset() const { return m_pos; }

  private:
    enum class Step { record, end, more };
    Step parse(CsvRecordView& record);
    bool parse_plain(CsvRecordView& record); // a record without quotes, fast; false: not one
    Step view_fields(CsvRecordView& record); // the parsed fields' places as views

    bool refill();

    std::istream* m_in = nullptr;
    std::string m_buffer; // streaming: the unread input
    bool m_eof = true;
    std::string_view m_text;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    std::size_t m_line_start = 0; // offset of the current line's first byte
    std::string m_error;
    bool m_columns = true;
    // Where each field of the record being read lies: in the input, or rewritten in m_unquoted.
    struct Place {
        bool rewritten = false;
        std::size_t offset = 0, size = 0;
    };
    std::vector<Place> m_places;
    std::string m_unquoted; // quoted fields' text with the quotes undone
    CsvRecordView m_view;   // behind next(CsvRecord&)
};

// A field as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, quote or line
// break, or always when `always`.
std::string csv_quote(std::string_view text, bool always = false);
// A cell safe to open in a spreadsheet: text a spreadsheet would run as a formula (starting
// with = + - @, a tab or a carriage return, unless it is a plain number such as -12) gets a
// leading apostrophe, the OWASP advice; then quoted as csv_quote does, always when it holds an
// apostrophe so the mark stays part of the text.
std::string csv_cell(std::string_view text);
// A record of such cells and its line break.
std::string csv_line(const std::vector<std::string>& fields);

} // namespace alignkit
