#include "alignkit/config/loader.hpp"
#include "alignkit/guide/glossary_book.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace alignkit;

TEST_CASE("the built-in glossary is sorted, unambiguous and closed under 'related'")
{
    auto terms = builtin_glossary();
    REQUIRE(terms.size() >= 30);
    std::set<std::string> seen;
    for (const auto& e : terms) {
        CAPTURE(e.term);
        CHECK_FALSE(e.definition.empty());
        CHECK(e.source == "built-in");
        for (const auto& word : std::vector<std::string>{e.term}) {
            CHECK(find_term(terms, word) == &e);
        }
        for (const auto& alias : e.aliases) {
            CHECK(find_term(terms, alias) == &e); // no alias is another term's name
        }
        for (const auto& related : e.related) {
            CHECK(find_term(terms, related) != nullptr);
        }
    }
    // The words each team brings, from the seed on shared language.
    for (const char* word : {"TOFU",       "MOFU",        "BOFU",          "CTA",        "CTR",
                             "LTV",        "CAC",         "buyer persona", "BANT",       "discovery call",
                             "closed won", "closed lost", "up-sell",       "cross-sell", "pipeline",
                             "MQL",        "SQL",         "SLA",           "A/B test",   "CAN-SPAM"}) {
        CAPTURE(word);
        CHECK(find_term(terms, word) != nullptr);
    }
}

TEST_CASE("a user's glossary replaces the built-in definition of the same term")
{
    Diagnostics diags;
    auto docs = parse_config(R"(apiVersion: alignkit/v1
kind: Glossary
metadata: {name: ours}
spec:
  terms:
    - {term: mql, definition: Our own meaning., aliases: [M-Q-L]}
    - {term: Zebra lead, definition: A lead nobody has seen before.}
)",
                             "g.yaml", diags);
    REQUIRE(diags.empty());
    auto merged = merged_glossary(docs);
    const auto* mql = find_term(merged, "MQL");
    REQUIRE(mql != nullptr);
    CHECK(mql->definition == "Our own meaning.");
    CHECK(mql->source == "ours");
    CHECK(find_term(merged, "marketing-qualified lead") == nullptr); // the built-in entry is gone
    CHECK(merged.back().term == "Zebra lead");
    CHECK(merged.size() == builtin_glossary().size() + 1);
}

TEST_CASE("markdown escapes what would break the table")
{
    GlossaryEntry e{"A|B", "uses *stars* and <tags>", std::nullopt, {}, {}, "x"};
    CHECK(render_glossary(std::span(&e, 1), GlossaryFormat::markdown)
              .find("| **A\\|B** | both | uses \\*stars\\* and "
                    "\\<tags\\> |") != std::string::npos);
}
