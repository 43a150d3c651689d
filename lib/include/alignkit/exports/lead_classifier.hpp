#pragma once
// `alignkit leads classify`: the lifecycle stage each lead of a CRM export qualifies for,
// and the criterion that decided it.

#include "alignkit/exports/export_reading.hpp"
#include "alignkit/exports/row_criterion.hpp"
#include "alignkit/model/criteria.hpp"
#include "alignkit/model/lead_definitions.hpp"

#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace alignkit {

// A value the export holds that its field's type cannot read ("abc" for a number).
struct BadValue {
    std::string field;
    std::size_t line = 0;
    std::string text;
};

class LeadClassifier {
  public:
    // Maps the definitions' fields to `header` columns as `reading` says (its columns, its
    // preset, else a field's `column` or its name); dates and times are read in its layout.
    // Returns nullopt and sets `error` when a field the criteria use has no column.
    static std::optional<LeadClassifier> make(const LeadDefinitions& defs, const std::vector<std::string>& header,
                                              const ExportReading& reading, std::string& error);

    struct Result {
        const LifecycleStage* stage = nullptr; // the furthest stage whose entry criteria hold; null if none
        std::string rule;                      // those criteria, canonical
    };

    // Classifies one record (`line` for bad-value reports, which are appended to `bad`).
    Result classify(const std::vector<std::string>& fields, std::size_t line, std::vector<BadValue>& bad) const;

    const LeadDefinitions& definitions() const { return *m_defs; }

  private:
    const LeadDefinitions* m_defs = nullptr;
    std::vector<CellReading> m_fields; // the fields the export has
    std::optional<TimeFormat> m_time_format;
    std::vector<std::shared_ptr<const RowCriterion>> m_entries; // per stage; null when unparsable
    std::vector<std::string> m_rules;                           // per stage, canonical
};

// What classifying a whole export found. Rows that cannot be read fully are counted, never
// dropped: `ragged` rows have another number of fields than the header; `unreadable` holds,
// by field, how many values its type could not read and the first of them.
struct ClassifyOutcome {
    enum class Failure {
        none,
        empty,     // no header
        columns,   // a field the criteria use has no column
        malformed, // a quoted field is never closed; the rows before it were classified
    };
    Failure failure = Failure::none;
    std::string error;                           // what went wrong, for people
    std::map<std::string, std::size_t> by_stage; // stage id -> leads now; "" for leads in no stage
    // With a column to group by: its value -> stage id -> leads now.
    std::map<std::string, std::map<std::string, std::size_t>> by_group;
    std::string group_column; // the header grouped by
    std::size_t rows = 0;
    std::size_t ragged = 0, first_ragged_line = 0;
    std::map<std::string, std::pair<std::size_t, BadValue>> unreadable;
    std::vector<std::string> unknown_fields; // unknown_mapped_fields
};

// The two columns classify adds, after the export's own.
inline constexpr std::string_view k_stage_column = "alignkit_stage", k_rule_column = "alignkit_rule";

// `--columns FIELD=HEADER` mappings of a field the definitions do not declare (a typo would
// otherwise map nothing, silently), one sentence each.
std::vector<std::string> unknown_mapped_fields(const LeadDefinitions& defs, const ExportReading& reading);

// Why an export cannot be classified as it is: it has a column classify adds (an export
// classify wrote, read again, would have two of each, and a view over it names it twice).
std::optional<std::string> already_classified(const std::vector<std::string>& header);

// Classifies every record of `in` (CSV with a header) in one pass, memory independent of the
// number of rows. With `on_line`, it is called first with the header and then with each
// record, as CSV lines that end in the stage and the rule that decided it.
// With `by`, leads are counted by the value of that column (a header, or a field mapped to
// one) too; a missing column is a `columns` failure.
ClassifyOutcome classify_export(std::istream& in, const LeadDefinitions& defs, const ExportReading& reading,
                                const std::function<void(const std::string&)>& on_line = {},
                                const std::string& by = {});

// `--counts`: for each stage in lifecycle order, the leads that reached it (are at it or a
// later stage now) and the leads at it now, then "(none)"; by group when grouped.
std::string render_stage_counts(const ClassifyOutcome& outcome, const LeadDefinitions& defs);

// What a person should know besides the output, one sentence each: --columns mappings of no
// field, ragged rows and values that could not be read (they count as empty).
std::vector<std::string> classify_notices(const ClassifyOutcome& outcome);

// Whether the run fails its checks: with `strict`, any row or value not read fully.
bool classify_fails(const ClassifyOutcome& outcome, bool strict);

} // namespace alignkit
