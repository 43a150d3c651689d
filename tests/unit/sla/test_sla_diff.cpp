#include "fixtures.hpp"
#include "support.hpp"

#include "alignkit/sla/sla_diff.hpp"

#include <doctest/doctest.h>

using namespace alignkit;
using namespace alignkit::test;

namespace {

std::vector<std::string> changes(const std::string& before, const std::string& after)
{
    Diagnostics diags;
    auto old_docs = parse_config(before, "old.yaml", diags);
    auto new_docs = parse_config(after, "new.yaml", diags);
    REQUIRE(diags.empty());
    std::vector<std::string> out;
    for (const auto& c : diff_slas(old_docs.at(0), old_docs, new_docs.at(0), new_docs)) {
        out.push_back(c.section + ": " + c.text);
    }
    return out;
}

} // namespace

TEST_CASE("an SLA compared with itself has no changes") { CHECK(changes(k_sla, k_sla).empty()); }

TEST_CASE("changes are described in the document's own terms, section by section")
{
    auto after =
        with(with(with(with(k_sla, "version: \"1.0\"", "version: \"1.1\""), "first_contact: 24h", "first_contact: 4h"),
                  "min: 25%", "min: 30%"),
             "  glossaries: [words]",
             "  meetings:\n    - {id: council, title: Content council, cadence: monthly, owner: marketing, "
             "attendees: [marketing, sales]}\n  engagement: [Every MQL carries its source.]\n"
             "  glossaries: [words]");
    CHECK(changes(k_sla, after) ==
          Lines{
              "Agreement: version: 1.0 → 1.1",
              "Targets: rate, minimum rate: 25% → 30%",
              "Hand-off and follow-up: first contact: 24 hours → 4 hours",
              "Meetings and feedback: meeting added: Content council (monthly, owned by marketing)",
              "Rules of engagement: rule added: Every MQL carries its source.",
          });
}

TEST_CASE("added and removed parts")
{
    auto after = with(with(k_sla, "  follow_up: {first_contact: 24h, attempts: 3, window: 5d, spacing: 1d}\n", ""),
                      "    - id: rate\n      owner: sales\n      conversion: {from: mql, to: sql, min: 25%}\n", "");
    CHECK(changes(k_sla, after) == Lines{
                                       "Targets: target removed: rate (sales): at least 25% of mql become sql",
                                       "Hand-off and follow-up: first contact removed (was 24 hours)",
                                       "Hand-off and follow-up: minimum attempts removed (was 3)",
                                       "Hand-off and follow-up: follow-up window removed (was 5 days)",
                                       "Hand-off and follow-up: time between attempts removed (was 24 hours)",
                                   });
}
