#include "exports/column_finder.hpp"

#include "alignkit/exports/export_presets.hpp"
#include "alignkit/util/text.hpp"

#include <algorithm>

namespace alignkit {

ColumnFinder::ColumnFinder(const LeadDefinitions& defs, const std::vector<std::string>& header,
                           const ExportReading& reading)
    : m_defs(defs), m_header(header), m_reading(reading), m_preset(export_preset(reading.preset))
{
}

std::optional<std::size_t> ColumnFinder::find(const std::string& field)
{
    if (auto it = m_reading.columns.find(field); it != m_reading.columns.end()) {
        return exact(field, it->second);
    }
    if (m_preset != nullptr) {
        if (auto it = m_preset->find(field); it != m_preset->end()) {
            for (const auto& wanted : it->second) {
                for (std::size_t i = 0; i < m_header.size(); ++i) {
                    if (equal_ignoring_case(m_header[i], wanted)) {
                        m_found[field] = m_header[i];
                        return i;
                    }
                }
            }
        }
    }
    std::string wanted = field;
    for (const auto& f : m_defs.fields) {
        if (f.name.value == field && !f.column.empty()) {
            wanted = f.column;
        }
    }
    return exact(field, wanted);
}

std::string ColumnFinder::wanted(const std::string& field) const
{
    if (auto it = m_reading.columns.find(field); it != m_reading.columns.end()) {
        return it->second;
    }
    for (const auto& f : m_defs.fields) {
        if (f.name.value == field && !f.column.empty()) {
            return f.column;
        }
    }
    return field;
}

std::optional<std::size_t> ColumnFinder::exact(const std::string& field, const std::string& wanted)
{
    auto it = std::find(m_header.begin(), m_header.end(), wanted);
    if (it == m_header.end()) {
        return std::nullopt;
    }
    m_found[field] = wanted;
    return static_cast<std::size_t>(it - m_header.begin());
}

std::optional<std::string> exit_field(const LifecycleStage& stage, const LeadDefinitions& defs)
{
    if (!stage.exit) {
        return std::nullopt;
    }
    std::string_view text = stage.exit->text.value;
    const auto trim = [&] {
        while (!text.empty() && text.front() == ' ') {
            text.remove_prefix(1);
        }
        while (!text.empty() && text.back() == ' ') {
            text.remove_suffix(1);
        }
    };
    trim();
    constexpr std::string_view k_is_set = " is set";
    if (!text.ends_with(k_is_set)) {
        return std::nullopt;
    }
    text.remove_suffix(k_is_set.size());
    trim();
    for (const auto& f : defs.fields) {
        if (f.name.value == text && f.type == FieldType::datetime) {
            return f.name.value;
        }
    }
    return std::nullopt;
}

} // namespace alignkit
