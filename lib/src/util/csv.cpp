#include "alignkit/util/csv.hpp"
#include "alignkit/util/text.hpp"

#include <algorithm>

#include <fmt/format.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace alignkit {
namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::size_t k_chunk = 1 << 16;

// The offset of the first byte from `from` that is one of `Stops`, or the text's size. Most
// of reading is this search, so it looks at 16 bytes a step where the processor can.
template <char... Stops> std::size_t find_first(std::string_view text, std::size_t from)
{
    const char* p = text.data() + from;
    const char* const end = text.data() + text.size();
#ifdef __SSE2__
    while (end - p >= 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        __m128i hits = _mm_setzero_si128();
        ((hits = _mm_or_si128(hits, _mm_cmpeq_epi8(block, _mm_set1_epi8(Stops)))), ...);
        if (const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits)); mask != 0) {
            return static_cast<std::size_t>(p - text.data()) + static_cast<std::size_t>(__builtin_ctz(mask));
        }
        p += 16;
    }
#endif
    while (p < end && ((*p != Stops) && ...)) {
        ++p;
    }
    return static_cast<std::size_t>(p - text.data());
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

namespace {

std::string record_too_long(std::size_t line)
{
    return fmt::format("the record that starts on line {} is longer than {} MiB, more than any export writes; a "
                       "quote may be missing",
                       line, k_max_csv_record >> 20);
}

} // namespace

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
    // As much again as the record read so far: a long record is parsed again a few times, not
    // once per chunk (linear, not quadratic, in its length).
    const std::size_t had = m_buffer.size();
    const std::size_t chunk = std::max(k_chunk, had);
    m_buffer.resize(had + chunk);
    m_in->read(m_buffer.data() + had, static_cast<std::streamsize>(chunk));
    const auto got = static_cast<std::size_t>(m_in->gcount());
    m_buffer.resize(had + got);
    m_eof = got == 0;
    m_text = m_buffer;
    return got > 0;
}

bool CsvReader::next(CsvRecord& record)
{
    if (!next(m_view)) {
        return false;
    }
    record.line = m_view.line;
    record.columns.swap(m_view.columns);
    // Assigning into the strings already there keeps their memory from row to row.
    record.fields.resize(m_view.fields.size());
    for (std::size_t i = 0; i < m_view.fields.size(); ++i) {
        record.fields[i].assign(m_view.fields[i]);
    }
    return true;
}

bool CsvReader::next(CsvRecordView& record)
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
            if (m_text.size() - m_line_start > k_max_csv_record) {
                m_error = record_too_long(line);
                return false;
            }
            if (!refill()) {
                m_eof = true;
            }
            break;
        }
    }
}

// Nearly every record of an export is plain: fields without quotes, or quoted without quotes
// or line breaks inside ("Partner, NA"). Such a record is split 16 bytes at a time, one mask of
// its separators, quotes and line breaks per block and a field per set bit, the fields viewed
// in place. Anything else (a doubled quote, a quote inside a field, a line break in a quoted
// field, the end of the buffer, a field too large to stream) is left to the general parser,
// which starts the record again.
bool CsvReader::parse_plain(CsvRecordView& record)
{
#ifdef __SSE2__
    const char* const text = m_text.data();
    const std::size_t size = m_text.size();
    std::size_t start = m_pos;
    record.fields.clear();
    // The last field ends at the line break at `at`: the record is done.
    auto end_record = [&](std::size_t field_end, std::size_t at) {
        if (text[at] == '\r') {
            if (at + 1 == size) {
                return false; // a line feed may follow in the next buffer
            }
            at += text[at + 1] == '\n' ? 1U : 0U;
        }
        record.fields.emplace_back(text + start, field_end - start);
        m_pos = m_line_start = at + 1;
        ++m_line;
        return true;
    };
    for (std::size_t block = m_pos; block + 16 <= size;) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + block));
        const auto breaks = static_cast<unsigned>(_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r')))));
        const auto commas = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(','))));
        const auto quotes = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"'))));
        // The bits before the first line break belong to this record, and of those the ones
        // before a quote are plain separators.
        const unsigned mine = breaks != 0 ? (1U << __builtin_ctz(breaks)) - 1 : 0xFFFFU;
        const unsigned quoted = quotes & mine;
        const unsigned plain = quoted != 0 ? (1U << __builtin_ctz(quoted)) - 1 : mine;
        for (unsigned bits = commas & plain; bits != 0; bits &= bits - 1) {
            const std::size_t at = block + static_cast<std::size_t>(__builtin_ctz(bits));
            record.fields.emplace_back(text + start, at - start);
            start = at + 1;
        }
        if (quoted != 0) {
            const std::size_t open = block + static_cast<std::size_t>(__builtin_ctz(quoted));
            const std::size_t close = find_first<'"', '\n', '\r'>(m_text, open + 1);
            if (open != start || close + 1 >= size || text[close] != '"' ||
                (m_in != nullptr && close - open > k_max_csv_field)) {
                return false;
            }
            const char after = text[close + 1];
            if (after == ',') {
                record.fields.emplace_back(text + open + 1, close - open - 1);
                start = block = close + 2;
                continue;
            }
            if (after != '\n' && after != '\r') {
                return false; // a doubled quote, or text after the closing one
            }
            start = open + 1;
            return end_record(close, close + 1);
        }
        if (m_in != nullptr && block + 16 - start > k_max_csv_field) {
            return false; // the general parser says which field is too large
        }
        if (breaks == 0) {
            block += 16;
            continue;
        }
        const std::size_t at = block + static_cast<std::size_t>(__builtin_ctz(breaks));
        return end_record(at, at);
    }
#endif
    (void)record;
    return false;
}

CsvReader::Step CsvReader::parse(CsvRecordView& record)
{
    m_places.clear();
    m_unquoted.clear();
    record.columns.clear();
    record.line = m_line;
    if (!m_error.empty()) {
        return Step::end;
    }
    if (m_pos >= m_text.size()) {
        return m_eof ? Step::end : Step::more;
    }
    if (!m_columns && parse_plain(record)) {
        return Step::record;
    }
    // Columns count characters from the line start; `column` follows the position.
    std::size_t column = m_columns ? characters_between(m_text, m_line_start, m_pos) + 1 : 0;
    auto advance = [&](std::size_t from, std::size_t to) {
        if (m_columns) {
            column += characters_between(m_text, from, to);
        }
    };
    auto mark_column = [&] {
        if (m_columns) {
            record.columns.push_back(column);
        }
    };
    // A field that does not start with a quote is the input as it is, [start, end). One that
    // does is written into m_unquoted from `rewritten_start`, with what follows its closing quote.
    std::size_t pos = m_pos;
    std::size_t start = pos;
    bool rewritten = false;
    std::size_t rewritten_start = 0;
    auto end_field = [&](std::size_t end) {
        m_places.push_back(rewritten ? Place{true, rewritten_start, m_unquoted.size() - rewritten_start}
                                     : Place{false, start, end - start});
    };
    auto field_empty = [&] { return rewritten ? m_unquoted.size() == rewritten_start : pos == start; };
    bool quoted = false;
    bool ended = false; // by a line break
    mark_column();
    std::size_t line = m_line;
    const std::size_t size = m_text.size();
    while (pos < size) {
        if (quoted) {
            // Copy the run up to the next quote or line break at once.
            const std::size_t stop = find_first<'"', '\n'>(m_text, pos);
            m_unquoted.append(m_text, pos, stop - pos);
            advance(pos, stop);
            pos = stop;
            if (pos == size) {
                break;
            }
            if (m_text[pos] == '\n') {
                ++line;
                m_unquoted += '\n';
                ++pos;
                column = 1;
                continue;
            }
            // A quote: doubled, or the end of the quoted part.
            if (pos + 1 == size && !m_eof) {
                return Step::more; // a doubled quote may continue in the next buffer
            }
            if (pos + 1 < size && m_text[pos + 1] == '"') {
                m_unquoted += '"';
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
        if (c == '"' && field_empty()) {
            quoted = true;
            if (!rewritten) {
                rewritten = true;
                rewritten_start = m_unquoted.size();
            }
            ++pos;
            ++column;
        } else if (c == ',') {
            end_field(pos);
            ++pos;
            ++column;
            start = pos;
            rewritten = false;
            mark_column();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && pos + 1 == size && !m_eof) {
                return Step::more; // CRLF split across buffers
            }
            end_field(pos);
            pos += c == '\r' && pos + 1 < size && m_text[pos + 1] == '\n' ? 2U : 1U;
            m_pos = pos;
            m_line = line + 1;
            m_line_start = pos;
            ended = true;
            break;
        } else {
            // An unquoted run: up to the next separator, quote or line break.
            std::size_t stop = find_first<',', '\r', '\n', '"'>(m_text, pos + 1);
            if (stop < size && m_text[stop] == '"') {
                ++stop; // a quote inside an unquoted field is kept as it is
            }
            if (rewritten) {
                m_unquoted.append(m_text, pos, stop - pos);
            }
            advance(pos, stop);
            pos = stop;
        }
    }
    if (!ended) {
        // The input (or the buffer) ended inside the record.
        if (!m_eof) {
            return Step::more;
        }
        if (quoted) {
            m_error = fmt::format("a quoted field that starts on line {} is never closed", record.line);
            return Step::end;
        }
        end_field(pos);
        m_pos = pos;
        m_line = line;
    }
    return view_fields(record);
}

CsvReader::Step CsvReader::view_fields(CsvRecordView& record)
{
    record.fields.resize(m_places.size());
    for (std::size_t i = 0; i < m_places.size(); ++i) {
        const Place& p = m_places[i];
        // Streamed input is bounded here; text in memory is already bounded by its size.
        if (m_in != nullptr && p.size > k_max_csv_field) {
            m_error = fmt::format("field {} of the record on line {} holds more than {} MiB, more than any export "
                                  "writes; a quote may be missing",
                                  i + 1, record.line, k_max_csv_field >> 20);
            return Step::end;
        }
        record.fields[i] = (p.rewritten ? std::string_view(m_unquoted) : m_text).substr(p.offset, p.size);
    }
    return Step::record;
}

std::string csv_quote(std::string_view text, bool always)
{
    if (!always && text.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(text);
    }
    std::string out = "\"";
    for (char c : text) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

namespace {

// "-12", "+1.5": a spreadsheet reads these as the numbers they are, not as formulas.
bool plain_number(std::string_view text)
{
    if (text.size() < 2 || (text[0] != '-' && text[0] != '+')) {
        return false;
    }
    bool digit = false, point = false;
    for (const char c : text.substr(1)) {
        if (c >= '0' && c <= '9') {
            digit = true;
        } else if (c == '.' && !point) {
            point = true;
        } else {
            return false;
        }
    }
    return digit;
}

} // namespace

std::string csv_cell(std::string_view raw)
{
    // No escape sequences from an export or a config reach a terminal that shows the file.
    const std::string safe = terminal_safe(raw);
    const std::string_view text = safe;
    std::string value(text);
    if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos &&
        !plain_number(value)) {
        value.insert(value.begin(), '\'');
    }
    return csv_quote(value, value.find('\'') != std::string::npos);
}

std::string csv_line(const std::vector<std::string>& fields)
{
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        out += (i == 0 ? "" : ",") + csv_cell(fields[i]);
    }
    return out + "\n";
}

} // namespace alignkit
