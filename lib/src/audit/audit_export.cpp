#include "alignkit/audit/audit_export.hpp"

#include "alignkit/util/csv.hpp"

#include <algorithm>
#include <deque>
#include <fmt/format.h>
#include <future>
#include <vector>

namespace alignkit {
namespace {

// The text of pieces. Growing it to read into leaves the new bytes as they are instead of
// zeroing them first (std::string would write every byte of a 1 GB export twice).
struct UnfilledTraits : std::char_traits<char> {
    using std::char_traits<char>::assign;
    static char_type* assign(char_type* s, std::size_t, char_type) { return s; }
};
using Text = std::basic_string<char, UnfilledTraits>;

std::string_view view(const Text& text) { return {text.data(), text.size()}; }

// Cuts the input into pieces that end just after a line break (the last one may not). A line
// break can sit inside a quoted field; the piece's reader then finds the quote unclosed and
// the piece is audited again joined to the next one, so a cut never changes a record.
class LinePieces {
  public:
    LinePieces(std::istream& in, std::size_t bytes) : m_in(in), m_bytes(std::max<std::size_t>(bytes, 1)) {}

    bool next(Text& piece)
    {
        piece.swap(m_rest);
        m_rest.clear();
        while (!m_done) {
            const std::size_t had = piece.size();
            piece.resize(had + m_bytes);
            m_in.read(piece.data() + had, static_cast<std::streamsize>(m_bytes));
            const auto got = static_cast<std::size_t>(m_in.gcount());
            piece.resize(had + got);
            if (got == 0) {
                m_done = true;
                break;
            }
            const auto cut = piece.rfind('\n');
            if (cut != Text::npos && cut >= had) {
                m_rest.assign(piece, cut + 1);
                piece.resize(cut + 1);
                return true;
            }
            if (piece.size() > k_max_csv_record) {
                // No line break in more than any record holds (binary data, /dev/zero): the
                // piece goes as it is, and its reader says the record is too long.
                m_line_too_long = true;
                m_done = true;
                return true;
            }
        }
        return !piece.empty();
    }
    bool line_too_long() const { return m_line_too_long; }

  private:
    std::istream& m_in;
    std::size_t m_bytes;
    Text m_rest;
    bool m_done = false;
    bool m_line_too_long = false;
};

struct Piece {
    std::optional<SlaAuditor> auditor;
    std::vector<Breach> breaches; // lines relative to the piece
    std::size_t lines = 0;        // line breaks the piece's records span
    bool unclosed = false;        // ends inside a quoted field: the records before it were audited,
    std::size_t unclosed_at = 0;  // and the record holding it starts at this offset
    std::string error;
};

Piece audit_piece(const SlaAuditor& blank, std::string_view text, std::size_t first_line, bool collect_breaches)
{
    Piece piece;
    piece.auditor = blank;
    if (collect_breaches) {
        piece.auditor->on_breach([&piece](const Breach& b) { piece.breaches.push_back(b); });
    }
    CsvReader reader(text, first_line, false);
    reader.track_columns(false);
    CsvRecordView row;
    while (reader.next(row)) {
        piece.auditor->add(row.fields, row.line);
    }
    piece.auditor->on_breach(nullptr);
    piece.lines = reader.line() - first_line;
    piece.unclosed = !reader.error().empty();
    piece.unclosed_at = reader.offset();
    piece.error = reader.error();
    return piece;
}

// The header, however many pieces its quoted fields span: `first` holds what was read, the
// header ends at `header_end` after `lines` lines. False, with the failure in `outcome`, when
// there is none.
bool read_header(LinePieces& pieces, Text& first, CsvRecord& header, std::size_t& header_end, std::size_t& lines,
                 AuditExportOutcome& outcome)
{
    for (;;) {
        Text more;
        const bool got = pieces.next(more);
        first += more;
        CsvReader reader(view(first));
        if (reader.next(header)) {
            header_end = reader.offset();
            lines = reader.line() - 1;
            return true;
        }
        if (!got) {
            outcome.failure = reader.error().empty() ? AuditFailure::empty : AuditFailure::malformed;
            outcome.error = reader.error().empty() ? "the export is empty" : reader.error();
            return false;
        }
    }
}

} // namespace

AuditExportOutcome audit_export(std::istream& in, const ServiceLevelAgreement& sla, const LeadDefinitions& defs,
                                const AuditExportOptions& options)
{
    AuditExportOutcome outcome;
    LinePieces pieces(in, options.piece_bytes);
    Text first;
    CsvRecord header;
    std::size_t header_end = 0, line = 0;
    if (!read_header(pieces, first, header, header_end, line, outcome)) {
        return outcome;
    }
    const auto too_long = [&](std::size_t at_line) {
        outcome.failure = AuditFailure::malformed;
        outcome.error = fmt::format("the record that starts on line {} is longer than {} MiB, more than any export "
                                    "writes; a quote may be missing",
                                    at_line, k_max_csv_record >> 20);
        outcome.result.reset();
        return outcome;
    };
    if (pieces.line_too_long()) {
        return too_long(1);
    }
    auto blank = SlaAuditor::make(sla, defs, header.fields, options.settings, outcome.error);
    if (!blank) {
        outcome.failure = AuditFailure::columns;
        return outcome;
    }
    SlaAuditor total = *blank;
    const bool collect = static_cast<bool>(options.on_breach);
    std::uint64_t audited = header_end; // bytes of input
    auto progress = [&](std::size_t bytes) {
        audited += bytes;
        if (options.on_progress) {
            options.on_progress(audited);
        }
    };
    auto take = [&](Piece& piece, std::size_t offset) {
        total.merge(std::move(*piece.auditor), offset);
        for (auto& b : piece.breaches) {
            b.line += offset;
            options.on_breach(b);
        }
    };

    // Pieces in flight, oldest first: each audited on its own thread while the next is read,
    // then merged in input order.
    struct InFlight {
        Text text;
        std::future<Piece> piece;
    };
    std::deque<InFlight> flight;
    auto launch = [&](Text text) {
        InFlight& f = flight.emplace_back();
        f.text = std::move(text);
        f.piece = std::async(std::launch::async,
                             [&blank, &f, collect] { return audit_piece(*blank, view(f.text), 1, collect); });
    };
    Text carry = first.substr(header_end); // records not audited yet, whole lines
    first.clear();
    // The piece after those in flight, read while they are audited.
    Text ahead;
    bool have_ahead = false;
    std::vector<Text> spare; // texts already audited
    auto next_text = [&](Text& text) {
        if (!carry.empty()) {
            text.swap(carry);
            carry.clear();
            return true;
        }
        if (have_ahead) {
            text.swap(ahead);
            have_ahead = false;
            return true;
        }
        if (text.empty() && !spare.empty()) {
            text.swap(spare.back());
            spare.pop_back();
        }
        return pieces.next(text);
    };
    const std::size_t jobs = std::max(1U, options.jobs);
    for (;;) {
        for (Text text; flight.size() < jobs && next_text(text);) {
            launch(std::move(text));
        }
        if (flight.empty()) {
            break;
        }
        if (!have_ahead) {
            have_ahead = next_text(ahead);
        }
        Piece done = flight.front().piece.get();
        take(done, line);
        line += done.lines;
        progress(done.unclosed ? done.unclosed_at : flight.front().text.size());
        if (!done.unclosed) {
            // Its memory takes the next piece: no page faults and no allocation per piece.
            flight.front().text.clear();
            spare.push_back(std::move(flight.front().text));
            flight.pop_front();
            continue;
        }
        // A cut inside a quoted field: from the record holding it, the text in flight goes
        // again, joined to at least as much again of what follows (so a quote that never
        // closes costs linear, not quadratic, time). A record longer than any export writes
        // ends the audit instead: the quote is surely missing.
        if (flight.front().text.size() - done.unclosed_at > k_max_csv_record) {
            return too_long(line + 1);
        }
        carry.assign(flight.front().text, done.unclosed_at);
        for (std::size_t k = 1; k < flight.size(); ++k) {
            flight[k].piece.wait();
            carry += flight[k].text;
        }
        flight.clear();
        if (have_ahead) {
            carry += ahead;
            have_ahead = false;
        }
        const std::size_t target = 2 * carry.size();
        bool more = false;
        for (Text text; carry.size() < target && pieces.next(text);) {
            carry += text;
            more = true;
        }
        if (!more) {
            // Nothing follows: the joined text is audited as it is, its lines counted from where
            // it starts; a quote still open really is never closed.
            Piece last = audit_piece(*blank, view(carry), line + 1, collect);
            take(last, 0);
            progress(last.unclosed ? last.unclosed_at : carry.size());
            if (last.unclosed) {
                outcome.failure = AuditFailure::malformed;
                outcome.error = last.error;
                return outcome;
            }
            break;
        }
    }
    if (pieces.line_too_long()) {
        return too_long(line + 1);
    }
    outcome.result = total.finish();
    return outcome;
}

} // namespace alignkit
