#include "support.hpp"

#include "alignkit/findings/validate_report.hpp"

#include <doctest/doctest.h>

using namespace alignkit;

namespace {

// A result with one file and the given diagnostics, as validate_paths would return it.
ValidationResult result_with(std::string text, const std::vector<Diagnostic>& diagnostics)
{
    ValidationResult r;
    r.files.push_back({"cfg/sla.yaml", std::move(text), 1});
    for (const auto& d : diagnostics) {
        r.diagnostics.add(d.code, d.file, d.pos, d.message, d.hint) = d;
    }
    return r;
}

Diagnostic unknown_key()
{
    return {"cfg/sla.yaml",
            {3, 3},
            8,
            Severity::error,
            Code::unknown_key,
            "unknown key 'folow_up' in 'spec'",
            "did you mean 'follow_up'?"};
}

} // namespace

TEST_CASE("text: compiler style with the source line, a caret under the span, the hint, a summary")
{
    auto r = result_with("spec:\n  x: 1\n  folow_up: 2\n", {unknown_key()});
    CHECK(render_text(r, {}) == "cfg/sla.yaml:3:3: error[AK1101]: unknown key 'folow_up' in 'spec'\n"
                                " 3 |   folow_up: 2\n"
                                "   |   ^~~~~~~~\n"
                                "  hint: did you mean 'follow_up'?\n"
                                "\n"
                                "checked 1 file, 1 document: 1 error, 0 warnings\n");
    TextOptions quiet;
    quiet.summary = false;
    CHECK(render_text(result_with("", {}), quiet).empty());
}

TEST_CASE("text: carets line up after tabs and multi-byte characters")
{
    Diagnostic d = unknown_key();
    d.pos = {1, 5};
    d.length = 1;
    auto r = result_with("\t\xC3\xA9\xC3\xA9 x\n", {d});
    CHECK(render_text(r, {}).find(" 1 | \t\xC3\xA9\xC3\xA9 x\n   | \t   ^\n") != std::string::npos);
}

TEST_CASE("text: colour only when asked")
{
    auto r = result_with("a\nb\nc\n", {unknown_key()});
    CHECK(render_text(r, {}).find('\x1b') == std::string::npos);
    TextOptions color;
    color.color = true;
    CHECK(render_text(r, color).find("\x1b[1;31merror") != std::string::npos);
}

TEST_CASE("github: workflow commands with their own escaping")
{
    Diagnostic d = unknown_key();
    d.file = "odd,name:50%.yaml";
    d.message = "line one\nline two 100%";
    auto r = result_with("", {d});
    CHECK(render_github(r) ==
          "::error file=odd%2Cname%3A50%25.yaml,line=3,col=3,title=AK1101 unknown key::line one%0Aline "
          "two 100%25%0Ahint: did you mean 'follow_up'?\n");
    d.pos = {};
    d.severity = Severity::info;
    CHECK(render_github(result_with("", {d})).starts_with("::notice file=odd%2Cname%3A50%25.yaml,title="));
}

TEST_CASE("junit: a case per finding, failed at --fail-on, skipped below it; escaped, dated by --as-of")
{
    // GitLab reads only test cases, and the Ant schema allows one failure per case: a warning
    // in the suite's system-out was lost there.
    Diagnostic d = unknown_key();
    d.message = "bad <key> & \"quotes\"";
    Diagnostic warning = unknown_key();
    warning.severity = Severity::warning;
    warning.pos.line = 9;
    auto xml = render_junit(result_with("", {d, warning}), Date{2027, 3, 1});
    CHECK(xml.find("timestamp=\"2027-03-01T00:00:00\"") != std::string::npos);
    CHECK(xml.find("tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"1\"") != std::string::npos);
    CHECK(xml.find("<testcase name=\"cfg/sla.yaml:3:3 AK1101\" classname=\"cfg/sla.yaml\" time=\"0\">\n"
                   "    <failure message=\"error[AK1101]: bad &lt;key&gt; &amp; &quot;quotes&quot;\" "
                   "type=\"AK1101\">cfg/sla.yaml:3:3: error[AK1101]: bad &lt;key&gt; &amp; \"quotes\" (hint: did you "
                   "mean 'follow_up'?)</failure>") != std::string::npos);
    CHECK(xml.find("<testcase name=\"cfg/sla.yaml:9:3 AK1101\" classname=\"cfg/sla.yaml\" time=\"0\">\n"
                   "    <skipped message=\"warning[AK1101]: unknown key 'folow_up' in 'spec'\">") != std::string::npos);
    // --fail-on warning: the warning fails too.
    CHECK(render_junit(result_with("", {d, warning}), Date{2027, 3, 1}, Severity::warning)
              .find("failures=\"2\" errors=\"0\" skipped=\"0\"") != std::string::npos);
}

TEST_CASE("json and sarif carry every diagnostic")
{
    auto r = result_with("", {unknown_key()});
    auto json = render_json(r);
    CHECK(json.find("\"report\": \"alignkit-validate\"") != std::string::npos);
    CHECK(json.find("\"code\": \"AK1101\"") != std::string::npos);
    CHECK(json.find("\"hint\": \"did you mean 'follow_up'?\"") != std::string::npos);
    auto sarif = render_sarif(r);
    CHECK(sarif.find("\"version\": \"2.1.0\"") != std::string::npos);
    CHECK(sarif.find("\"ruleId\": \"AK1101\"") != std::string::npos);
    CHECK(sarif.find("\"startLine\": 3") != std::string::npos);
    CHECK(sarif.find("\"endColumn\": 11") != std::string::npos);
}

TEST_CASE("sarif: paths become URI references")
{
    Diagnostic d = unknown_key();
    d.file = "my configs/sla #1.yaml";
    auto sarif = render_sarif(result_with("", {d}));
    CHECK(sarif.find("\"uri\": \"my%20configs/sla%20%231.yaml\"") != std::string::npos);
}

TEST_CASE("sarif: relative paths against %SRCROOT%, absolute ones as file:// URIs")
{
    // A relative reference that begins with a slash is what Microsoft's validator rejects
    // (SARIF1004).
    Diagnostic d = unknown_key();
    d.file = "/srv/repo/cfg/sla.yaml";
    auto sarif = render_sarif(result_with("", {d, unknown_key()}));
    CHECK(sarif.find("\"uri\": \"file:///srv/repo/cfg/sla.yaml\"") != std::string::npos);
    CHECK(sarif.find("\"uri\": \"cfg/sla.yaml\",\n                  \"uriBaseId\": \"%SRCROOT%\"") !=
          std::string::npos);
    CHECK(sarif.find("\"name\": \"UnknownKey\"") != std::string::npos);
    CHECK(sarif.find("\"markdown\": \"**AK1101 unknown key**") != std::string::npos);
}

TEST_CASE("sarif: a finding's fingerprint stays when lines above it move, and tells equals apart")
{
    auto fingerprints = [](const std::vector<Diagnostic>& diagnostics) {
        const auto sarif = render_sarif(result_with("", diagnostics));
        std::vector<std::string> out;
        const std::string key = "\"alignkitFinding/v1\": \"";
        for (auto at = sarif.find(key); at != std::string::npos; at = sarif.find(key, at + 1)) {
            out.push_back(sarif.substr(at + key.size(), sarif.find('"', at + key.size()) - at - key.size()));
        }
        return out;
    };
    Diagnostic quoting = unknown_key();
    quoting.code = Code::duplicate_id;
    quoting.message = "term 'MQL' is defined twice, first on line 4";
    Diagnostic moved = unknown_key();
    moved.pos.line += 10;
    Diagnostic moved_quoting = quoting;
    moved_quoting.pos.line += 10;
    moved_quoting.message = "term 'MQL' is defined twice, first on line 14";
    const auto before = fingerprints({unknown_key(), quoting, unknown_key()});
    const auto after = fingerprints({moved, moved_quoting, moved});
    REQUIRE(before.size() == 3);
    CHECK(before == after);
    CHECK(before[0] != before[2]); // the same finding twice: the first and the second
    CHECK(before[0] != before[1]);
}

TEST_CASE("gitlab: Code Quality issues with severity, place and the finding's fingerprint")
{
    Diagnostic warning = unknown_key();
    warning.severity = Severity::warning;
    const auto report = render_gitlab(result_with("", {unknown_key(), warning}));
    CHECK(report.starts_with("[\n  {\n    \"description\": \"AK1101 unknown key 'folow_up' in 'spec' (hint: did you "
                             "mean 'follow_up'?)\",\n    \"check_name\": \"AK1101\",\n    \"fingerprint\": \""));
    CHECK(report.find("\"severity\": \"blocker\"") != std::string::npos);
    CHECK(report.find("\"severity\": \"major\"") != std::string::npos);
    CHECK(report.find("\"path\": \"cfg/sla.yaml\",\n      \"lines\": {\n        \"begin\": 3") != std::string::npos);
}
