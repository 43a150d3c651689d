#include "alignkit/csv.hpp"

#include <fmt/format.h>

namespace alignkit {

CsvReader::CsvReader(std::string_view text) : m_text(text)
{
    if (m_text.starts_with("\xEF\xBB\xBF")) {
        m_pos = 3;
        m_line_start = 3;
    }
}

namespace {

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

bool CsvReader::next(CsvRecord& record)
{
    record.fields.clear();
    record.columns.clear();
    record.line = m_line;
    if (m_pos >= m_text.size() || !m_error.empty()) {
        return false;
    }
    std::string field;
    bool quoted = false;
    record.columns.push_back(characters(m_text, m_line_start, m_pos) + 1);
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (quoted) {
            if (c == '"') {
                if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
                    field += '"';
                    m_pos += 2;
                    continue;
                }
                quoted = false;
                ++m_pos;
                continue;
            }
            if (c == '\n') {
                ++m_line;
                m_line_start = m_pos + 1;
            }
            field += c;
            ++m_pos;
            continue;
        }
        if (c == '"' && field.empty()) {
            quoted = true;
            ++m_pos;
        } else if (c == ',') {
            record.fields.push_back(std::move(field));
            field.clear();
            ++m_pos;
            record.columns.push_back(characters(m_text, m_line_start, m_pos) + 1);
        } else if (c == '\r' || c == '\n') {
            m_pos += c == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n' ? 2U : 1U;
            ++m_line;
            m_line_start = m_pos;
            record.fields.push_back(std::move(field));
            return true;
        } else {
            field += c;
            ++m_pos;
        }
    }
    if (quoted) {
        m_error = fmt::format("a quoted field that starts on line {} is never closed", record.line);
        return false;
    }
    record.fields.push_back(std::move(field));
    return true;
}

} // namespace alignkit
