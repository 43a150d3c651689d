#include "alignkit/checks/checks.hpp"
#include "alignkit/model/criteria.hpp"
#include "checks/check_util.hpp"

#include <algorithm>
#include <optional>

namespace alignkit {
namespace {

// Where in the file a byte offset of the criteria text lies (columns count characters).
Position position_in(const Criteria& criteria, std::size_t offset)
{
    if (!criteria.exact) {
        return criteria.text.pos;
    }
    Position pos = criteria.text.pos;
    for (std::size_t i = 0; i < offset && i < criteria.text.value.size(); ++i) {
        if ((static_cast<unsigned char>(criteria.text.value[i]) & 0xC0) != 0x80) {
            ++pos.column;
        }
    }
    return pos;
}

void report(const Document& doc, const Criteria& criteria, Code code, const criteria::Problem& problem,
            Diagnostics& diags)
{
    auto& d = diags.add(code, doc.file, position_in(criteria, problem.offset), problem.message, problem.hint);
    d.length = criteria.exact ? static_cast<int>(std::max<std::size_t>(1, problem.length)) : 1;
}

// Parses and type-checks criteria; returns the tree when they are sound.
criteria::ExprPtr check_criteria(const Document& doc, const Criteria& text, const criteria::FieldTypes& fields,
                                 Diagnostics& diags)
{
    criteria::Problem problem;
    auto expr = criteria::parse(text.text.value, problem);
    if (!expr) {
        report(doc, text, Code::invalid_criteria, problem, diags);
        return nullptr;
    }
    auto problems = criteria::type_check(*expr, fields);
    for (const auto& p : problems) {
        report(doc, text, p.kind == criteria::Check::unknown_field ? Code::unknown_field : Code::criteria_type_mismatch,
               p.problem, diags);
    }
    return problems.empty() ? std::move(expr) : nullptr;
}

// Entry criteria that can never hold, alone or after an earlier stage's.
void check_ranges(const Document& doc, const LeadDefinitions& defs, const std::vector<criteria::ExprPtr>& entries,
                  Diagnostics& diags)
{
    std::vector<std::map<std::string, criteria::Range>> ranges(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (!entries[i]) {
            continue;
        }
        ranges[i] = criteria::ranges(*entries[i]);
        const auto& stage = defs.stages[i];
        bool never = false;
        for (const auto& [field, range] : ranges[i]) {
            if (range.empty()) {
                diags.add(Code::criteria_never_hold, doc.file, stage.entry.text.pos,
                          fmt::format("no lead can enter '{}': its criteria on '{}' contradict each other",
                                      stage.id.value, field),
                          "check the comparisons on that field");
                never = true;
            }
        }
        if (never) {
            continue;
        }
        for (std::size_t j = 0; j < i; ++j) {
            // A stage reached when a later one is (or by every record) is one a lead passes
            // through: its entry criteria describe a current status (deal_stage = "Engaging"),
            // which a later stage's rightly rules out.
            const auto& ways = defs.stages[j].reached;
            if (std::any_of(ways.begin(), ways.end(), [](const auto& way) {
                    return way.value == Evidence::later || way.value == Evidence::all;
                })) {
                continue;
            }
            for (const auto& [field, range] : ranges[i]) {
                auto earlier = ranges[j].find(field);
                if (earlier != ranges[j].end() && !earlier->second.empty() &&
                    range.intersect(earlier->second).empty()) {
                    diags.add(Code::stages_contradict, doc.file, stage.entry.text.pos,
                              fmt::format("a lead in '{}' needs a '{}' that '{}' rules out", stage.id.value, field,
                                          defs.stages[j].id.value),
                              fmt::format("compare with the criteria of '{}' on line {}", defs.stages[j].id.value,
                                          defs.stages[j].entry.text.pos.line));
                }
            }
        }
    }
}

const LeadField* field_named(const LeadDefinitions& defs, std::string_view name)
{
    for (const auto& f : defs.fields) {
        if (f.name.value == name) {
            return &f;
        }
    }
    return nullptr;
}

bool is_time(FieldType t) { return t == FieldType::datetime || t == FieldType::date; }
bool is_count(FieldType t) { return t == FieldType::integer || t == FieldType::number; }

// A field named by `at:` or `roles:`: declared, and of a type that can do `use`.
void check_use(const Document& doc, const LeadDefinitions& defs, const Located<std::string>& name,
               bool (*fits)(FieldType), std::string_view use, std::string_view wanted, Diagnostics& diags)
{
    const auto* field = field_named(defs, name.value);
    if (field == nullptr) {
        std::vector<std::string_view> known;
        for (const auto& f : defs.fields) {
            known.push_back(f.name.value);
        }
        diags
            .add(Code::unknown_field, doc.file, name.pos, fmt::format("unknown lead field '{}'", name.value),
                 did_you_mean(name.value, known).empty() ? "declare it under 'fields' with its type and column"
                                                         : did_you_mean(name.value, known))
            .length = static_cast<int>(name.value.size());
        return;
    }
    if (!fits(field->type)) {
        diags
            .add(Code::field_unfit_for_role, doc.file, name.pos,
                 fmt::format("'{}' is a {} field and cannot be {}", name.value, to_string(field->type), use),
                 fmt::format("name a {} field", wanted))
            .length = static_cast<int>(name.value.size());
    }
}

bool date_only(const std::vector<Located<Evidence>>& reached)
{
    return std::all_of(reached.begin(), reached.end(), [](const auto& way) { return way.value == Evidence::date; });
}

// The audit reads a stage reached only by its date from that date's column: two of them on
// one column are the same stage to it.
void check_shared_dates(const Document& doc, const LeadDefinitions& defs, Diagnostics& diags)
{
    struct Dated {
        std::string id, column;
        Position pos;
    };
    std::vector<Dated> dated;
    auto add = [&](const Located<std::string>& id, const std::string& field,
                   const std::optional<Located<std::string>>& at) {
        const auto* f = field_named(defs, field);
        const std::string column = f != nullptr && !f->column.empty() ? f->column : field;
        for (const auto& other : dated) {
            if (other.column == column) {
                diags.add(Code::stages_share_a_date, doc.file, at ? at->pos : id.pos,
                          fmt::format("'{}' and '{}' are both read from column '{}' and nothing else tells them apart",
                                      other.id, id.value, column),
                          "give one of them `reached: [entry]` with its own entry criteria, or a date of its own");
                return;
            }
        }
        dated.push_back({id.value, column, id.pos});
    };
    for (const auto& stage : defs.stages) {
        if (date_only(stage.reached)) {
            add(stage.id, dating_field(stage), stage.at);
        }
    }
    for (const auto& exit : defs.exits) {
        if (date_only(exit.reached)) {
            add(exit.id, dating_field(exit), exit.at);
        }
    }
}

// Where the audit reads stages, exits and its roles from.
void check_audit_reading(const Document& doc, const LeadDefinitions& defs, const criteria::FieldTypes& types,
                         Diagnostics& diags)
{
    for (const auto& stage : defs.stages) {
        if (stage.at) {
            check_use(doc, defs, *stage.at, is_time, "a stage's date", "datetime or date", diags);
        }
    }
    for (const auto& exit : defs.exits) {
        if (exit.at) {
            check_use(doc, defs, *exit.at, is_time, "an exit's date", "datetime or date", diags);
        }
        if (exit.entry) {
            check_criteria(doc, *exit.entry, types, diags);
        }
        for (const auto& way : exit.reached) {
            if (way.value == Evidence::entry && !exit.entry) {
                diags.add(Code::field_unfit_for_role, doc.file, way.pos,
                          fmt::format("exit '{}' is reached by its entry criteria but has none", exit.id.value),
                          "add 'entry:' criteria to the exit");
            } else if (way.value == Evidence::later || way.value == Evidence::all) {
                diags.add(
                    Code::field_unfit_for_role, doc.file, way.pos,
                    fmt::format("an exit is reached by its date or its entry criteria, not '{}'", to_string(way.value)),
                    "use `date` or `entry`");
            }
        }
    }
    for (const auto& [role, field] : defs.roles.fields) {
        if (role == "assigned_at" || role == "first_touch_at") {
            check_use(doc, defs, field, is_time, fmt::format("'{}'", role), "datetime or date", diags);
        } else if (role == "attempts") {
            check_use(doc, defs, field, is_count, "an attempt count", "integer", diags);
        } else {
            check_use(
                doc, defs, field, [](FieldType) { return true; }, "", "", diags);
        }
    }
    for (const auto& field : defs.roles.attempt_times) {
        check_use(doc, defs, field, is_time, "an attempt's time", "datetime or date", diags);
    }
    for (const auto& field : defs.fields) {
        if (field.zone && !time_zone_exists(field.zone->value)) {
            diags
                .add(Code::unknown_time_zone, doc.file, field.zone->pos,
                     fmt::format("unknown time zone '{}'", field.zone->value),
                     "use an IANA name such as 'America/Chicago', 'Europe/Berlin' or 'UTC'")
                .length = static_cast<int>(field.zone->value.size());
        }
    }
    check_shared_dates(doc, defs, diags);
}

} // namespace

void check_lead_definitions(const Document& doc, const LeadDefinitions& defs, Diagnostics& diags)
{
    std::vector<const Located<std::string>*> fields;
    criteria::FieldTypes types;
    for (const auto& field : defs.fields) {
        fields.push_back(&field.name);
        types.emplace(field.name.value, field.type);
    }
    check_unique(doc, fields, "lead field", diags);

    // Stages and exits share one namespace: an SLA refers to either by id.
    std::vector<const Located<std::string>*> ids;
    std::vector<std::string_view> stage_ids;
    for (const auto& stage : defs.stages) {
        ids.push_back(&stage.id);
        stage_ids.push_back(stage.id.value);
    }
    for (const auto& exit : defs.exits) {
        ids.push_back(&exit.id);
        std::vector<const Located<std::string>*> codes;
        for (const auto& reason : exit.reasons) {
            codes.push_back(&reason.code);
        }
        check_unique(doc, codes, "reason code", diags);
        if (exit.to) {
            check_known(doc, *exit.to, stage_ids, "lifecycle stage", diags);
        }
        if (exit.reasons.empty()) {
            diags.add(Code::exit_without_reasons, doc.file, exit.id.pos,
                      fmt::format("exit '{}' offers no reason codes", exit.id.value),
                      "add 'reasons' with a code for each way a lead leaves");
        }
    }
    check_unique(doc, ids, "stage", diags);

    std::vector<criteria::ExprPtr> entries;
    for (std::size_t i = 0; i < defs.stages.size(); ++i) {
        const auto& stage = defs.stages[i];
        entries.push_back(check_criteria(doc, stage.entry, types, diags));
        if (stage.exit) {
            check_criteria(doc, *stage.exit, types, diags);
        } else if (i + 1 < defs.stages.size()) {
            diags.add(Code::no_exit_criteria, doc.file, stage.id.pos,
                      fmt::format("stage '{}' does not say when a lead leaves it", stage.id.value),
                      fmt::format("add 'exit:' criteria, usually the entry of '{}'", defs.stages[i + 1].id.value));
        }
    }
    check_ranges(doc, defs, entries, diags);
    check_audit_reading(doc, defs, types, diags);

    // Leads move from marketing to sales; a marketing stage after a sales stage runs backwards.
    const LifecycleStage* first_sales = nullptr;
    for (const auto& stage : defs.stages) {
        if (stage.owner.value == Team::sales && first_sales == nullptr) {
            first_sales = &stage;
        } else if (stage.owner.value == Team::marketing && first_sales != nullptr) {
            diags.add(Code::ownership_goes_back, doc.file, stage.owner.pos,
                      fmt::format("stage '{}' is owned by marketing but follows '{}', which sales owns", stage.id.value,
                                  first_sales->id.value),
                      "move the stage before the hand-off, or model the way back as a recycled exit");
        }
    }
}

} // namespace alignkit
