#include "alignkit/checks.hpp"
#include "check_util.hpp"

namespace alignkit {

void check_lead_definitions(const Document& doc, const LeadDefinitions& defs, Diagnostics& diags)
{
    std::vector<const Located<std::string>*> fields;
    for (const auto& field : defs.fields) {
        fields.push_back(&field.name);
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
    }
    check_unique(doc, ids, "stage", diags);

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
