#include "alignkit/findings/validate.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <string>
#include <vector>

using namespace alignkit;

namespace {

// A folder of its own under the system's temporary folder, removed at the end of the test.
struct TempDir {
    std::filesystem::path path;
    TempDir()
    {
        path = std::filesystem::temp_directory_path() /
               ("alignkit-test-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string write(const std::string& name, const std::string& text) const
    {
        std::ofstream(path / name) << text;
        return (path / name).string();
    }
};

std::string glossary(const std::string& name)
{
    return "apiVersion: alignkit/v1\nkind: Glossary\nmetadata: {name: " + name +
           "}\nspec:\n  terms:\n    - {term: MQL, definition: A lead marketing qualified.}\n";
}

} // namespace

TEST_CASE("find_one_document: one document of the kind, or an error naming every candidate")
{
    TempDir dir;
    const auto one = dir.write("one.yaml", glossary("ours"));
    const auto two = dir.write("two.yaml", glossary("first") + "---\n" + glossary("second"));
    std::string error;

    const auto single = validate_paths({one}, std::nullopt, {});
    const Document* found = find_one_document(single, Kind::Glossary, error);
    REQUIRE(found != nullptr);
    CHECK(found->metadata.name.value == "ours");

    CHECK(find_one_document(single, Kind::ServiceLevelAgreement, error) == nullptr);
    CHECK(error == "'" + one + "' holds no ServiceLevelAgreement");

    const auto several = validate_paths({two}, std::nullopt, {});
    CHECK(find_one_document(several, Kind::Glossary, error) == nullptr);
    CHECK(error == "2 Glossary documents where one was expected: 'first' (" + two + ":1), 'second' (" + two +
                       ":8); pass the file that holds the one you mean");
}

TEST_CASE(
    "a comment suppresses its line's or the next line's findings by code; one that suppresses nothing is a warning")
{
    TempDir dir;
    const auto file = (dir.path / "g.yaml").string();
    std::ofstream(file) << "apiVersion: alignkit/v1\nkind: Glossary\nmetadata: {name: g}\nspec:\n  terms:\n"
                           "    - term: A\n      definition: d\n      related: [X]  # alignkit-disable-line AK2004\n"
                           "    - term: B\n      definition: d\n      # alignkit-disable-next-line AK2004 -- why\n"
                           "      related: [Y]\n    - term: C\n      definition: d\n      related: [Z]\n"
                           "      # alignkit-disable-next-line AK1101\n      owner: sales\n";
    ValidateOptions options;
    options.checks.as_of = Date{2026, 11, 22};
    const auto result = validate_paths({file}, std::nullopt, options);
    CHECK(result.suppressed == 2);
    std::vector<std::string> found;
    for (const auto& d : result.diagnostics.all()) {
        found.push_back(fmt::format("{}:{} {}", d.pos.line, d.pos.column, to_string(d.code)));
    }
    CHECK(found == std::vector<std::string>{"15:17 AK2004", "16:36 AK0011"});
}
