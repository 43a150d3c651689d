#include "alignkit/findings/baseline.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>

using namespace alignkit;

namespace {

ValidationResult validated(const std::filesystem::path& file, const std::string& text)
{
    std::ofstream(file) << text;
    ValidateOptions options;
    options.checks.as_of = Date{2026, 11, 22};
    return validate_paths({file.string()}, std::nullopt, options);
}

} // namespace

TEST_CASE("a baseline keeps its findings known when lines move above them, and lets new ones through")
{
    const auto dir = std::filesystem::temp_directory_path() / "alignkit-baseline-test";
    std::filesystem::create_directories(dir);
    const auto file = dir / "g.yaml";
    const std::string glossary = "apiVersion: alignkit/v1\nkind: Glossary\nmetadata: {name: g}\nspec:\n  terms:\n"
                                 "    - {term: A, definition: d, related: [X]}\n"
                                 "    - {term: B, definition: d, aliases: [Bee]}\n"
                                 "    - {term: C, definition: d, aliases: [Bee]}\n";
    const auto before = validated(file, glossary);
    REQUIRE(before.diagnostics.all().size() == 2); // an unknown related term; an alias used twice, "on line 7"
    std::string error;
    const auto known = read_baseline(write_baseline(before), error);
    REQUIRE(known);

    // Three lines above everything, and a new finding.
    auto after = validated(file, "# moved\n#\n#\n" + glossary + "    - {term: D, definition: d, related: [Y]}\n");
    std::filesystem::remove_all(dir);
    apply_baseline(after, *known);
    CHECK(after.baselined == 2);
    REQUIRE(after.diagnostics.all().size() == 1);
    CHECK(after.diagnostics.all()[0].message.find("'Y'") != std::string::npos);

    CHECK_FALSE(read_baseline("{\"report\": \"alignkit-validate\"}", error));
    CHECK(error == "not a baseline; write one with 'alignkit validate --write-baseline FILE'");
}

TEST_CASE("a finding's fingerprint does not depend on how its file's path is spelled")
{
    auto print = [](const std::string& file) {
        Diagnostics d;
        d.add(Code::unknown_key, file, {3, 3}, "unknown key 'x'");
        return finding_fingerprints(d).at(0);
    };
    const auto plain = print("configs/sla.yaml");
    CHECK(print("./configs/sla.yaml") == plain);
    CHECK(print("configs//sla.yaml") == plain);
    CHECK(print("configs/drafts/../sla.yaml") == plain);
    CHECK(print((std::filesystem::current_path() / "configs/sla.yaml").string()) == plain);
    CHECK(print("other/sla.yaml") != plain);
}

TEST_CASE("a finding's fingerprint does not depend on the numbers its message gives, only on the names")
{
    auto print = [](const std::string& message) {
        Diagnostics d;
        d.add(Code::review_overdue, "sla.yaml", {110, 13}, message);
        return finding_fingerprints(d).at(0);
    };
    // Counts and dates that drift from one day's run to the next.
    CHECK(print("the review due 2027-04-01 is 61 days overdue (as of 2027-06-01)") ==
          print("the review due 2027-04-01 is 62 days overdue (as of 2027-06-02)"));
    CHECK(print("the SLA's review is 3.5 days late; first on line 12") ==
          print("the SLA's review is 4 days late; first on line 40"));
    // Names tell findings apart, digits and all: quoted, or a word with digits in it.
    CHECK(print("unknown stage 'stage2'") != print("unknown stage 'stage3'"));
    CHECK(print("unknown stage 'q 2'") != print("unknown stage 'q 3'"));
    CHECK(print("AK3002 cannot be set") != print("AK3015 cannot be set"));
    CHECK(print("field score2 is text") != print("field score3 is text"));
    CHECK(print("the lead's 2 owners") == print("the lead's 5 owners"));
}
