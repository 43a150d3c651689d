#include "alignkit/findings/lifecycle_report.hpp"
#include "alignkit/model/criteria.hpp"
#include "alignkit/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <vector>

namespace alignkit {
namespace {

// The criteria in canonical form when they parse; as written otherwise (validate says why).
std::string shown(const Criteria& criteria)
{
    criteria::Problem problem;
    auto expr = criteria::parse(criteria.text.value, problem);
    return expr ? criteria::to_string(*expr) : criteria.text.value;
}

std::string table(const std::vector<std::vector<std::string>>& rows)
{
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        widths.resize(std::max(widths.size(), row.size()));
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths[i] = std::max(widths[i], row[i].size());
        }
    }
    std::string out;
    for (const auto& row : rows) {
        std::string line = "  ";
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += i + 1 == row.size() ? row[i] : fmt::format("{:<{}}  ", row[i], widths[i]);
        }
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        out += line + "\n";
    }
    return out;
}

} // namespace

std::string render_lifecycle_text(const Document& doc)
{
    const auto& defs = std::get<LeadDefinitions>(doc.spec);
    std::string out =
        fmt::format("{} ({}): {} stage{}, {} exit{}\n\n", doc.metadata.name.value, doc.file, defs.stages.size(),
                    defs.stages.size() == 1 ? "" : "s", defs.exits.size(), defs.exits.size() == 1 ? "" : "s");
    std::vector<std::vector<std::string>> rows{{"#", "stage", "owner", "clock", "entry"}};
    int n = 1;
    for (const auto& stage : defs.stages) {
        rows.push_back({std::to_string(n++), stage.id.value, std::string(to_string(stage.owner.value)),
                        stage.clock ? to_string(stage.clock->value) : "-", shown(stage.entry)});
    }
    out += table(rows);
    if (!defs.exits.empty()) {
        std::vector<std::vector<std::string>> exits{{"exit", "owner", "reasons"}};
        for (const auto& exit : defs.exits) {
            std::vector<std::string> codes;
            for (const auto& reason : exit.reasons) {
                codes.push_back(reason.code.value);
            }
            std::string reasons = codes.empty() ? "(none)" : fmt::format("{}", fmt::join(codes, ", "));
            if (exit.to) {
                reasons = fmt::format("back to {}; {}", exit.to->value, reasons);
            }
            exits.push_back({exit.id.value, exit.owner ? std::string(to_string(exit.owner->value)) : "-", reasons});
        }
        out += "\n" + table(exits);
    }
    return terminal_safe(out + "\n");
}

} // namespace alignkit
