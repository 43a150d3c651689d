#include "alignkit/findings/validate.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

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
