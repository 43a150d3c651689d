#include "alignkit/exports/lead_classifier.hpp"

#include "alignkit/util/csv.hpp"
#include "alignkit/util/date.hpp"
#include "alignkit/util/text.hpp"
#include "exports/column_finder.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fmt/format.h>
#include <functional>
#include <set>

namespace alignkit {
namespace {

// The field names an expression reads.
void fields_of(const criteria::Expr& e, std::set<std::string>& out)
{
    std::visit(
        [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, criteria::Field>) {
                out.insert(node.name);
            } else if constexpr (std::is_same_v<T, criteria::Compare> || std::is_same_v<T, criteria::Logical>) {
                fields_of(*node.lhs, out);
                fields_of(*node.rhs, out);
            } else if constexpr (std::is_same_v<T, criteria::Contains>) {
                fields_of(*node.haystack, out);
                fields_of(*node.needle, out);
            } else if constexpr (std::is_same_v<T, criteria::InList> || std::is_same_v<T, criteria::Presence> ||
                                 std::is_same_v<T, criteria::Not>) {
                fields_of(*node.operand, out);
            }
        },
        e.node);
}

// A cell read as its field's type; nullopt for empty, and for text the type cannot read
// (reported through `bad`).
std::optional<criteria::Literal> read_value(std::string_view text, FieldType type, const TimeFormat* layout, bool& bad)
{
    bad = false;
    if (text.empty()) {
        return std::nullopt;
    }
    switch (type) {
    case FieldType::text:
        return criteria::Literal{std::string(text)};
    case FieldType::number:
    case FieldType::integer: {
        double value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc{} || end != text.data() + text.size()) {
            bad = true;
            return std::nullopt;
        }
        return criteria::Literal{value};
    }
    case FieldType::boolean: {
        const auto v = lower_ascii(text);
        if (v == "true" || v == "yes" || v == "1" || v == "y") {
            return criteria::Literal{true};
        }
        if (v == "false" || v == "no" || v == "0" || v == "n") {
            return criteria::Literal{false};
        }
        bad = true;
        return std::nullopt;
    }
    case FieldType::date:
    case FieldType::datetime: {
        // Dates compare by calendar day: the day as the export's layout writes it, else a
        // timestamp's first ten characters.
        if (layout != nullptr) {
            const auto written = layout->read(text);
            if (!written) {
                bad = true;
                return std::nullopt;
            }
            return criteria::Literal{date_from_days(static_cast<long>(floor_days(written->seconds)))};
        }
        auto date = parse_date(text.substr(0, 10));
        if (!date) {
            bad = true;
            return std::nullopt;
        }
        return criteria::Literal{*date};
    }
    }
    return std::nullopt;
}

} // namespace

std::optional<LeadClassifier> LeadClassifier::make(const LeadDefinitions& defs, const std::vector<std::string>& header,
                                                   const ExportReading& reading, std::string& error)
{
    LeadClassifier c;
    c.m_defs = &defs;
    std::set<std::string> used;
    for (const auto& stage : defs.stages) {
        criteria::Problem problem;
        std::shared_ptr<criteria::Expr> expr = criteria::parse(stage.entry.text.value, problem);
        if (expr) {
            fields_of(*expr, used);
        }
        c.m_entries.push_back(std::move(expr));
    }
    std::vector<std::string> missing;
    ColumnFinder columns(defs, header, reading);
    for (const auto& field : defs.fields) {
        const auto column = columns.find(field.name.value);
        if (!column) {
            if (used.contains(field.name.value)) {
                missing.push_back(
                    fmt::format("'{}' (column '{}')", field.name.value, columns.wanted(field.name.value)));
            }
            continue;
        }
        c.m_fields.push_back({field.name.value, field.type, *column});
    }
    c.m_time_format = reading.time_format;
    if (!missing.empty()) {
        error = fmt::format("the export has no column for {}; map it with --columns FIELD=HEADER",
                            fmt::join(missing, ", "));
        return std::nullopt;
    }
    return c;
}

LeadClassifier::Result LeadClassifier::classify(const std::vector<std::string>& fields, std::size_t line,
                                                std::vector<BadValue>& bad) const
{
    criteria::Row row;
    for (const auto& f : m_fields) {
        if (f.column >= fields.size()) {
            continue;
        }
        bool unreadable = false;
        auto value = read_value(fields[f.column], f.type, m_time_format ? &*m_time_format : nullptr, unreadable);
        if (unreadable) {
            bad.push_back({f.name, line, fields[f.column]});
        }
        row.emplace(f.name, std::move(value));
    }
    Result result;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i] && criteria::evaluate(*m_entries[i], row)) {
            result.stage = &m_defs->stages[i];
            result.rule = criteria::to_string(*m_entries[i]);
        }
    }
    return result;
}

ClassifyOutcome classify_export(std::istream& in, const LeadDefinitions& defs, const ExportReading& reading,
                                const std::function<void(const std::string&)>& on_line)
{
    ClassifyOutcome outcome;
    CsvReader reader(in);
    reader.track_columns(false);
    CsvRecord header;
    if (!reader.next(header)) {
        outcome.failure =
            reader.error().empty() ? ClassifyOutcome::Failure::empty : ClassifyOutcome::Failure::malformed;
        outcome.error = reader.error();
        return outcome;
    }
    auto classifier = LeadClassifier::make(defs, header.fields, reading, outcome.error);
    if (!classifier) {
        outcome.failure = ClassifyOutcome::Failure::columns;
        return outcome;
    }
    if (on_line) {
        auto fields = header.fields;
        fields.push_back("alignkit_stage");
        fields.push_back("alignkit_rule");
        on_line(csv_line(fields));
    }
    std::vector<BadValue> bad;
    CsvRecord row;
    while (reader.next(row)) {
        ++outcome.rows;
        if (row.fields.size() != header.fields.size() && outcome.ragged++ == 0) {
            outcome.first_ragged_line = row.line;
        }
        const auto result = classifier->classify(row.fields, row.line, bad);
        for (const auto& b : bad) {
            auto [it, fresh] = outcome.unreadable.try_emplace(b.field, std::pair<std::size_t, BadValue>{0, b});
            ++it->second.first;
        }
        bad.clear();
        const std::string stage = result.stage != nullptr ? result.stage->id.value : "";
        ++outcome.by_stage[stage];
        if (on_line) {
            row.fields.push_back(stage);
            row.fields.push_back(result.rule);
            on_line(csv_line(row.fields));
        }
    }
    if (!reader.error().empty()) {
        outcome.failure = ClassifyOutcome::Failure::malformed;
        outcome.error = reader.error();
    }
    return outcome;
}

std::string render_stage_counts(const ClassifyOutcome& outcome, const LeadDefinitions& defs)
{
    auto count = [&](const std::string& stage) {
        const auto it = outcome.by_stage.find(stage);
        return it == outcome.by_stage.end() ? std::size_t{0} : it->second;
    };
    std::string out;
    for (const auto& stage : defs.stages) {
        out += fmt::format("{:<16} {}\n", stage.id.value, count(stage.id.value));
    }
    return out + fmt::format("{:<16} {}\n", "(none)", count(""));
}

std::vector<std::string> classify_notices(const ClassifyOutcome& outcome)
{
    std::vector<std::string> notices;
    if (outcome.ragged > 0) {
        notices.push_back(fmt::format("{} row(s) with a different number of fields than the header (first on line {})",
                                      outcome.ragged, outcome.first_ragged_line));
    }
    for (const auto& [field, seen] : outcome.unreadable) {
        notices.push_back(
            fmt::format("{} value(s) of '{}' not understood (first on line {}: '{}'); they count as empty", seen.first,
                        field, seen.second.line, seen.second.text));
    }
    return notices;
}

bool classify_fails(const ClassifyOutcome& outcome, bool strict)
{
    return strict && (outcome.ragged > 0 || !outcome.unreadable.empty());
}

} // namespace alignkit
