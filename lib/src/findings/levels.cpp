#include "findings/levels.hpp"

#include <map>

namespace alignkit {

void apply_levels(const Settings& settings, ValidationResult& result)
{
    if (settings.levels.empty()) {
        return;
    }
    std::map<Code, std::optional<Severity>> level_of; // a code set twice: the later line decides
    for (const auto& level : settings.levels) {
        level_of[level.code] = level.severity;
    }
    Diagnostics kept;
    for (const auto& d : result.diagnostics.all()) {
        // The settings file's own mistakes keep their severity, or it could hide them.
        const bool own = d.file == settings.path;
        const auto it = is_fixed_severity(d.code) || own ? level_of.end() : level_of.find(d.code);
        if (it != level_of.end() && !it->second) {
            ++result.turned_off;
            continue;
        }
        auto& copy = kept.add(d.code, d.file, d.pos, d.message, d.hint) = d;
        if (it != level_of.end()) {
            copy.severity = *it->second;
        }
    }
    result.diagnostics = std::move(kept);
}

} // namespace alignkit
