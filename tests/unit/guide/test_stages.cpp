#include "alignkit/guide/stages.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace alignkit;

TEST_CASE("four stages in order, each with signs and steps")
{
    REQUIRE(stage_guides().size() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
        const auto& g = stage_guides()[i];
        CHECK(static_cast<std::size_t>(g.stage) == i);
        CHECK(g.signs.size() >= 3);
        CHECK_FALSE(g.steps.empty());
    }
    CHECK(stage_guide(Stage::undefined).steps.size() == 3); // expectations, rules, who does what
    CHECK(stage_guide(Stage::undefined).steps[0].title == "Hold an expectations meeting between the leaders");
}

TEST_CASE("renderers")
{
    auto text = render_stages(Stage::defined, StagesFormat::text);
    CHECK(text.starts_with("2. Defined\n"));
    CHECK(text.find("Steps to Aligned") != std::string::npos);
    CHECK(text.find("Undefined") == std::string::npos);

    auto md = render_stages(std::nullopt, StagesFormat::markdown);
    CHECK(md.starts_with("# The four stages"));
    CHECK(md.find("## 4. Integrated") != std::string::npos);
    CHECK(md.find("### Staying integrated") != std::string::npos);

    auto json = render_stages(Stage::integrated, StagesFormat::json);
    CHECK(json.find("\"next\": null") != std::string::npos);
    CHECK(json.find("\"id\": \"integrated\"") != std::string::npos);
}
