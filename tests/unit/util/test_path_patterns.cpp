#include "alignkit/util/path_patterns.hpp"

#include <doctest/doctest.h>

using namespace alignkit;

namespace {

PathPatterns of(std::initializer_list<const char*> lines)
{
    PathPatterns p;
    for (const char* line : lines) {
        p.add(line);
    }
    return p;
}

} // namespace

TEST_CASE("exclude patterns read as .gitignore lines: * stays within a name, ** crosses folders")
{
    // The tester's case: '.*' once matched every path from '.', as fnmatch lets * cross '/'.
    const auto dots = of({".*"});
    CHECK(dots.excluded(".github", true));
    CHECK(dots.excluded("sub/.hidden.yaml", false));
    CHECK_FALSE(dots.excluded("c/x.yaml", false));
    CHECK_FALSE(dots.excluded("c", true));

    const auto anchored = of({"sub/*.yaml", "/top.yaml", "docs/**/draft.yaml"});
    CHECK(anchored.excluded("sub/a.yaml", false));
    CHECK_FALSE(anchored.excluded("sub/deeper/a.yaml", false)); // * does not cross a folder
    CHECK_FALSE(anchored.excluded("other/sub/a.yaml", false));  // anchored to the folder given
    CHECK(anchored.excluded("top.yaml", false));
    CHECK_FALSE(anchored.excluded("x/top.yaml", false));
    CHECK(anchored.excluded("docs/draft.yaml", false)); // ** may be no folder at all
    CHECK(anchored.excluded("docs/a/b/draft.yaml", false));

    const auto names = of({"node_modules", "drafts/"});
    CHECK(names.excluded("node_modules", true));
    CHECK(names.excluded("a/b/node_modules", true)); // a bare name, at any depth
    CHECK(names.excluded("drafts", true));
    CHECK_FALSE(names.excluded("drafts", false)); // a trailing / means folders only
}

TEST_CASE("the last pattern that matches decides; ! takes a path back in; comments and blanks add nothing")
{
    PathPatterns p;
    p.add_lines("# generated\n\n*.yaml\n!keep.yaml   \n");
    CHECK(p.excluded("a.yaml", false));
    CHECK_FALSE(p.excluded("keep.yaml", false));
    CHECK_FALSE(p.excluded("sub/keep.yaml", false));
    CHECK_FALSE(p.excluded("# generated", false));
    CHECK_FALSE(PathPatterns{}.excluded("anything.yaml", false));
    CHECK(of({"**"}).excluded("a/b.yaml", false));
    CHECK(of({"a/**"}).excluded("a/b/c.yaml", false));
}

TEST_CASE("many ** in one pattern cost their product, not a search that doubles with each")
{
    std::string many;
    for (int i = 0; i < 200; ++i) {
        many += "**/";
    }
    const auto p = of({(many + "x").c_str()});
    CHECK(p.excluded("a/b/c/d/e/f/g/h/i/j/x", false));
    CHECK_FALSE(p.excluded("a/b/c/d/e/f/g/h/i/j/y", false));
}
