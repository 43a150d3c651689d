#pragma once
// `alignkit leads classify`: the lifecycle stage each lead of a CRM export qualifies for,
// and the criterion that decided it.

#include "alignkit/exports/export_reading.hpp"
#include "alignkit/model/criteria.hpp"
#include "alignkit/model/lead_definitions.hpp"

#include <map>
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
    struct FieldColumn {
        std::string name;
        FieldType type{};
        std::size_t column = 0;
    };
    const LeadDefinitions* m_defs = nullptr;
    std::vector<FieldColumn> m_fields;
    std::optional<TimeFormat> m_time_format;
    std::vector<std::shared_ptr<criteria::Expr>> m_entries; // per stage; null when unparsable
};

} // namespace alignkit
