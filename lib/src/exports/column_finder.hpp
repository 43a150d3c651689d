#pragma once
// Where `sla audit` and `leads classify` read each lead field from, and the time a stage is
// left at.

#include "alignkit/exports/export_reading.hpp"
#include "alignkit/model/lead_definitions.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace alignkit {

// Where a field is read from: --columns, else the preset's headers (any case), else the
// field's `column` in the lead definitions, else its name.
class ColumnFinder {
  public:
    ColumnFinder(const LeadDefinitions& defs, const std::vector<std::string>& header, const ExportReading& reading);

    std::optional<std::size_t> find(const std::string& field);
    // The column a field was looked for under, to say what is missing.
    std::string wanted(const std::string& field) const;
    // field -> the header each found field was read from.
    const std::map<std::string, std::string>& found() const { return m_found; }

  private:
    const LeadDefinitions& m_defs;
    const std::vector<std::string>& m_header;
    const ExportReading& m_reading;
    const std::map<std::string, std::vector<std::string>>* m_preset;
    std::map<std::string, std::string> m_found;

    std::optional<std::size_t> exact(const std::string& field, const std::string& wanted);
};

// The datetime field whose time a stage is left at, when its exit criterion is `<field> is set`.
std::optional<std::string> exit_field(const LifecycleStage& stage, const LeadDefinitions& defs);

} // namespace alignkit
