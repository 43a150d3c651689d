#include "alignkit/csv.hpp"

#include <fmt/format.h>

namespace alignkit {
namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::size_t k_chunk = 1 << 16;

// Characters (not bytes) from `from` to `to`: the column of a field in its line.
std::size_t characters(std::string_view text, std::size_t from, std::size_t to)
{
    std::size_t n = 0;
    for (std::size_t i = from; i < to && i < text.size(); ++i) {
        n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 ? 1U : 0U;
    }
    return n;
}

} // namespace

CsvReader::CsvReader(std::string_view text, std::size_t first_line, bool at_input_start)
    : m_text(text), m_line(first_line)
{
    if (at_input_start && m_text.starts_with(k_bom)) {
        m_pos = m_line_start = k_bom.size();
    }
}

CsvReader::CsvReader(std::istream& in) : m_in(&in), m_eof(false)
{
    while (m_buffer.size() < k_bom.size() && refill()) {
    }
    if (m_text.starts_with(k_bom)) {
        m_pos = m_line_start = k_bom.size();
    }
}

// Drops what was read, appends the next buffer of input. Records start at line starts, so
// the current record (from m_line_start) is kept whole and parsed again.
bool CsvReader::refill()
{
    if (m_eof || m_in == nullptr) {
        return false;
    }
    m_buffer.erase(0, m_line_start);
    m_pos = 0;
    m_line_start = 0;
    const std::size_t had = m_buffer.size();
    m_buffer.resize(had + k_chunk);
    m_in->read(m_buffer.data() + had, static_cast<std::streamsize>(k_chunk));
    const auto got = static_cast<std::size_t>(m_in->gcount());
    m_buffer.resize(had + got);
    m_eof = got == 0;
    m_text = m_buffer;
    return got > 0;
}

bool CsvReader::next(CsvRecord& record)
{
    while (true) {
        const std::size_t line = m_line;
        switch (parse(record)) {
        case Step::record:
            return true;
        case Step::end:
            return false;
        case Step::more:
            // The record runs past the buffer: read more and parse it again from its start.
            m_line = line;
            m_pos = m_line_start;
            if (!refill()) {
                m_eof = true;
            }
            break;
        }
    }
}

CsvReader::Step CsvReader::parse(CsvRecord& record)
{
    // Fields are written into the record's strings in place, so reading row after row of the
    // same width allocates nothing once the first row has sized them.
    std::size_t count = 0;
    auto start_field = [&]() -> std::string& {
        if (count == record.fields.size()) {
            record.fields.emplace_back();
        }
        std::string& f = record.fields[count++];
        f.clear();
        return f;
    };
    auto finish = [&] { record.fields.resize(count); };
    record.columns.clear();
    record.line = m_line;
    if (!m_error.empty()) {
        finish();
        return Step::end;
    }
    if (m_pos >= m_text.size()) {
        finish();
        return m_eof ? Step::end : Step::more;
    }
    // Columns count characters from the line start; `column` follows the position.
    std::size_t column = m_columns ? characters(m_text, m_line_start, m_pos) + 1 : 0;
    auto advance = [&](std::size_t from, std::size_t to) {
        if (m_columns) {
            column += characters(m_text, from, to);
        }
    };
    auto mark_column = [&] {
        if (m_columns) {
            record.columns.push_back(column);
        }
    };
    std::string* field = &start_field();
    bool quoted = false;
    mark_column();
    std::size_t pos = m_pos;
    std::size_t line = m_line;
    const std::size_t size = m_text.size();
    while (pos < size) {
        if (quoted) {
            // Copy the run up to the next quote or line break at once.
            std::size_t stop = pos;
            while (stop < size && m_text[stop] != '"' && m_text[stop] != '\n') {
                ++stop;
            }
            field->append(m_text, pos, stop - pos);
            advance(pos, stop);
            pos = stop;
            if (pos == size) {
                break;
            }
            if (m_text[pos] == '\n') {
                ++line;
                *field += '\n';
                ++pos;
                column = 1;
                continue;
            }
            // A quote: doubled, or the end of the quoted part.
            if (pos + 1 == size && !m_eof) {
                finish();
                return Step::more; // a doubled quote may continue in the next buffer
            }
            if (pos + 1 < size && m_text[pos + 1] == '"') {
                *field += '"';
                pos += 2;
                column += 2;
                continue;
            }
            quoted = false;
            ++pos;
            ++column;
            continue;
        }
        const char c = m_text[pos];
        if (c == '"' && field->empty()) {
            quoted = true;
            ++pos;
            ++column;
        } else if (c == ',') {
            field = &start_field();
            ++pos;
            ++column;
            mark_column();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && pos + 1 == size && !m_eof) {
                finish();
                return Step::more; // CRLF split across buffers
            }
            pos += c == '\r' && pos + 1 < size && m_text[pos + 1] == '\n' ? 2U : 1U;
            m_pos = pos;
            m_line = line + 1;
            m_line_start = pos;
            finish();
            return Step::record;
        } else {
            // An unquoted run: up to the next separator, quote or line break.
            std::size_t stop = pos + 1;
            while (stop < size && m_text[stop] != ',' && m_text[stop] != '\r' && m_text[stop] != '\n' &&
                   m_text[stop] != '"') {
                ++stop;
            }
            field->append(m_text, pos, stop - pos);
            advance(pos, stop);
            pos = stop;
            if (pos < size && m_text[pos] == '"') {
                *field += '"'; // a quote inside an unquoted field is kept as it is
                ++pos;
                ++column;
            }
        }
    }
    finish();
    if (!m_eof) {
        return Step::more;
    }
    if (quoted) {
        m_error = fmt::format("a quoted field that starts on line {} is never closed", record.line);
        return Step::end;
    }
    m_pos = pos;
    m_line = line;
    return Step::record;
}

} // namespace alignkit
