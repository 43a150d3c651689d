#include "alignkit/config/settings.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace alignkit;
namespace fs = std::filesystem;

TEST_CASE("The settings file is the nearest one from the folder up")
{
    const fs::path root = fs::temp_directory_path() / ("alignkit-settings-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "repo/team/deep");
    auto write = [](const fs::path& path) { std::ofstream(path) << "as_of: 2026-12-01\n"; };
    write(root / "repo/.alignkit.yaml");
    CHECK(find_settings_file(root / "repo/team/deep") == root / "repo/.alignkit.yaml");
    CHECK(find_settings_file(root / "repo") == root / "repo/.alignkit.yaml");
    write(root / "repo/team/.alignkit.yml");
    CHECK(find_settings_file(root / "repo/team/deep") == root / "repo/team/.alignkit.yml");
    write(root / "repo/team/.alignkit.yaml");
    CHECK(find_settings_file(root / "repo/team") == root / "repo/team/.alignkit.yaml"); // .yaml first
    fs::create_directories(root / "repo/team/deep/.alignkit.yaml");                     // a folder is no file
    CHECK(find_settings_file(root / "repo/team/deep") == root / "repo/team/.alignkit.yaml");
    fs::remove_all(root);
    CHECK(is_settings_name("a/b/.alignkit.yml"));
    CHECK(is_settings_name(".alignkit.yaml"));
    CHECK_FALSE(is_settings_name("a/.alignkit.yaml.bak"));
    CHECK_FALSE(is_settings_name("alignkit.yaml"));
}

TEST_CASE("Settings: what is valid applies, each problem is a diagnostic")
{
    const auto s = parse_settings("severity:\n  AK3002: error\n  ak4305: 'off'\n  AK0007: info\n  AK1101: loud\n"
                                  "  AK9999: info\nexclude: [drafts/, '']\nas_of: 2027-02-29\nextra: 1\n",
                                  ".alignkit.yaml");
    REQUIRE(s.levels.size() == 2);
    CHECK(s.levels[0].code == Code::review_overdue);
    CHECK(s.levels[0].severity == Severity::error);
    CHECK(s.levels[1].code == Code::vague_clause);
    CHECK_FALSE(s.levels[1].severity); // off
    CHECK(s.exclude == std::vector<std::string>{"drafts/"});
    CHECK_FALSE(s.as_of); // 2027 is no leap year
    std::vector<Code> codes;
    for (const auto& d : s.diagnostics.all()) {
        codes.push_back(d.code);
    }
    // AK0007 cannot be set; 'loud' is no level; AK9999 is no code; '' is empty; the date; 'extra'.
    CHECK(std::count(codes.begin(), codes.end(), Code::invalid_enum) == 2);
    CHECK(std::count(codes.begin(), codes.end(), Code::unknown_id) == 1);
    CHECK(std::count(codes.begin(), codes.end(), Code::invalid_date) == 1);
    CHECK(std::count(codes.begin(), codes.end(), Code::unknown_key) == 1);
    CHECK(std::count(codes.begin(), codes.end(), Code::empty_value) == 1);
    CHECK(parse_settings("", "x").diagnostics.empty());
    CHECK(parse_settings("# nothing set\n", "x").diagnostics.empty());
    CHECK(parse_settings("- a\n", "x").diagnostics.count(Severity::error) == 1);
    CHECK(parse_settings("as_of: 2026-12-01\n---\nas_of: 2026-12-02\n", "x").as_of == Date{2026, 12, 1});
}
