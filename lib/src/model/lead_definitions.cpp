#include "alignkit/model/lead_definitions.hpp"

namespace alignkit {

std::string role_field(const LeadDefinitions& defs, std::string_view role)
{
    if (auto it = defs.roles.fields.find(std::string(role)); it != defs.roles.fields.end()) {
        return it->second.value;
    }
    for (const auto& [name, field] : k_audit_roles) {
        if (name == role) {
            return std::string(field);
        }
    }
    return std::string(role);
}

std::string dating_field(const LifecycleStage& stage) { return stage.at ? stage.at->value : stage.id.value + "_at"; }

std::string dating_field(const ExitStage& exit) { return exit.at ? exit.at->value : exit.id.value + "_at"; }

} // namespace alignkit
