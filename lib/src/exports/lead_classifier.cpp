#include "alignkit/exports/lead_classifier.hpp"

#include "alignkit/exports/row_criterion.hpp"
#include "alignkit/util/csv.hpp"
#include "alignkit/util/date.hpp"
#include "alignkit/util/text.hpp"
#include "exports/column_finder.hpp"
#include "util/tables.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fmt/format.h>
#include <functional>
#include <set>

namespace alignkit {
namespace {

} // namespace

std::optional<LeadClassifier> LeadClassifier::make(const LeadDefinitions& defs, const std::vector<std::string>& header,
                                                   const ExportReading& reading, std::string& error)
{
    LeadClassifier c;
    c.m_defs = &defs;
    std::set<std::string, std::less<>> used;
    std::vector<criteria::ExprPtr> entries;
    for (const auto& stage : defs.stages) {
        criteria::Problem problem;
        entries.push_back(criteria::parse(stage.entry.text.value, problem));
        if (entries.back()) {
            used.merge(criteria::fields_used(*entries.back()));
        }
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
        c.m_fields.push_back({field.name.value, *column, field.type, field.missing, field.ignore_case});
    }
    c.m_time_format = reading.time_format;
    if (!missing.empty()) {
        error = fmt::format("the export has no column for {}; map it with --columns FIELD=HEADER",
                            fmt::join(missing, ", "));
        return std::nullopt;
    }
    for (auto& expr : entries) {
        c.m_entries.push_back(expr ? std::make_shared<const RowCriterion>(*expr, c.m_fields, c.m_time_format)
                                   : nullptr);
        c.m_rules.push_back(expr ? criteria::to_string(*expr) : std::string{});
    }
    return c;
}

LeadClassifier::Result LeadClassifier::classify(const std::vector<std::string>& fields, std::size_t line,
                                                std::vector<BadValue>& bad) const
{
    std::vector<std::string_view> cells(fields.begin(), fields.end());
    const TimeFormat* layout = m_time_format ? &*m_time_format : nullptr;
    for (const auto& f : m_fields) {
        if (f.column < cells.size() && read_cell(cells[f.column], f, layout).unreadable) {
            bad.push_back({f.field, line, fields[f.column]});
        }
    }
    Result result;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i] && m_entries[i]->holds(cells)) {
            result.stage = &m_defs->stages[i];
            result.rule = m_rules[i];
        }
    }
    return result;
}

std::vector<std::string> unknown_mapped_fields(const LeadDefinitions& defs, const ExportReading& reading)
{
    std::vector<std::string> unknown;
    for (const auto& mapping : reading.columns) {
        const std::string& field = mapping.first;
        if (std::none_of(defs.fields.begin(), defs.fields.end(),
                         [&](const LeadField& f) { return f.name.value == field; })) {
            unknown.push_back(
                fmt::format("--columns {}={}: no lead field is called '{}'", field, mapping.second, field));
        }
    }
    return unknown;
}

std::optional<std::string> already_classified(const std::vector<std::string>& header)
{
    for (const auto& column : header) {
        if (column == k_stage_column || column == k_rule_column) {
            return fmt::format("the export already has a column '{}' (one classify wrote?): classify the export it was "
                               "made from, or rename the column",
                               column);
        }
    }
    return std::nullopt;
}

ClassifyOutcome classify_export(std::istream& in, const LeadDefinitions& defs, const ExportReading& reading,
                                const std::function<void(const std::string&)>& on_line, const std::string& by)
{
    ClassifyOutcome outcome;
    outcome.unknown_fields = unknown_mapped_fields(defs, reading);
    CsvReader reader(in);
    reader.track_columns(false);
    CsvRecord header;
    if (!reader.next(header)) {
        outcome.failure =
            reader.error().empty() ? ClassifyOutcome::Failure::empty : ClassifyOutcome::Failure::malformed;
        outcome.error = reader.error();
        return outcome;
    }
    if (auto why = already_classified(header.fields)) {
        outcome.failure = ClassifyOutcome::Failure::columns;
        outcome.error = *why;
        return outcome;
    }
    auto classifier = LeadClassifier::make(defs, header.fields, reading, outcome.error);
    if (!classifier) {
        outcome.failure = ClassifyOutcome::Failure::columns;
        return outcome;
    }
    std::optional<std::size_t> group;
    CellReading group_field; // its placeholders: a lead in no group
    if (!by.empty()) {
        ColumnFinder columns(defs, header.fields, reading);
        group = columns.find(by);
        if (!group) {
            outcome.failure = ClassifyOutcome::Failure::columns;
            outcome.error = fmt::format("--by '{}': the export has no such column", columns.wanted(by));
            return outcome;
        }
        outcome.group_column = header.fields[*group];
        for (const auto& field : defs.fields) {
            if (field.name.value == by) {
                group_field.missing = field.missing;
                group_field.ignore_case = field.ignore_case;
            }
        }
    }
    if (on_line) {
        auto fields = header.fields;
        fields.emplace_back(k_stage_column);
        fields.emplace_back(k_rule_column);
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
        if (group) {
            const std::string value = *group < row.fields.size() ? row.fields[*group] : "";
            const bool placeholder = !group_field.missing.empty() && is_missing(value, group_field);
            ++outcome.by_group[placeholder ? "" : terminal_safe(value, false)][stage];
        }
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
    TextTable table;
    table.header = {"stage", "reached", "now"};
    table.right = {false, true, true};
    if (!outcome.group_column.empty()) {
        table.header.insert(table.header.begin(), outcome.group_column);
        table.right.insert(table.right.begin(), false);
    }
    auto add = [&](const std::string& group, const std::map<std::string, std::size_t>& now) {
        auto count = [&](const std::string& stage) {
            const auto it = now.find(stage);
            return it == now.end() ? std::size_t{0} : it->second;
        };
        auto row = [&](std::vector<std::string> cells) {
            if (!outcome.group_column.empty()) {
                cells.insert(cells.begin(), group);
            }
            table.rows.push_back(std::move(cells));
        };
        // A lead now at a stage reached every stage before it.
        std::vector<std::size_t> reached(defs.stages.size() + 1);
        for (std::size_t i = defs.stages.size(); i-- > 0;) {
            reached[i] = reached[i + 1] + count(defs.stages[i].id.value);
        }
        for (std::size_t i = 0; i < defs.stages.size(); ++i) {
            const auto& id = defs.stages[i].id.value;
            row({id, std::to_string(reached[i]), std::to_string(count(id))});
        }
        row({"(none)", "-", std::to_string(count(""))});
    };
    if (outcome.group_column.empty()) {
        add("", outcome.by_stage);
    }
    for (const auto& [group, now] : outcome.by_group) {
        add(group.empty() ? "(empty)" : group, now);
    }
    return aligned_table(table);
}

std::vector<std::string> classify_notices(const ClassifyOutcome& outcome)
{
    std::vector<std::string> notices = outcome.unknown_fields;
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
