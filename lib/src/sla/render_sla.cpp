// The renderers of the SLA document: GitHub-flavoured Markdown, one self-contained HTML
// page that prints well, and wrapped plain text. Everything from configs is escaped.

#include "alignkit/sla/sla_document.hpp"
#include "alignkit/util/text.hpp"
#include "util/escape.hpp"
#include "util/tables.hpp"

#include <fmt/format.h>

namespace alignkit {
namespace {

// --- Markdown ----------------------------------------------------------------------------

std::string render_markdown(const SlaDocument& d)
{
    std::string out = "# " + markdown_escape(d.title) + "\n\n";
    for (const auto& [k, v] : d.facts) {
        out += fmt::format("**{}:** {}  \n", markdown_escape(k), markdown_escape(v));
    }
    out += "\n## Parties\n\n" + md_table(d.parties);
    if (!d.purpose.empty()) {
        out += "## Purpose\n\n" + markdown_escape(d.purpose) + "\n\n";
    }
    out += "## Definitions\n\n" + md_table(d.terms);
    if (!d.stages.rows.empty()) {
        out += "### Who owns what: the funnel from top to bottom\n\n" + md_table(d.stages) + md_table(d.exits);
    }
    out += "## Commitments\n\n";
    for (const auto& c : d.commitments) {
        out += "### " + markdown_escape(c.team) + "\n\n" + md_list(c.promises);
    }
    if (!d.targets.rows.empty()) {
        out += "## Targets\n\n" + md_table(d.targets);
    }
    out += "## Hand-off and follow-up\n\n" + md_list(d.rules);
    out += "## Communication\n\n" + md_table(d.meetings) + md_table(d.feedback);
    out += "## Escalation and disputes\n\n";
    if (!d.disputes.empty()) {
        out += markdown_escape(d.disputes) + "\n\n";
    }
    if (!d.consequences.empty()) {
        out += "When a shared goal is missed:\n\n" + md_list(d.consequences);
    }
    out += "## Review and dissolution\n\n" + md_list(d.review);
    if (!d.dissolution.empty()) {
        out += "This agreement ends if:\n\n" + md_list(d.dissolution);
    }
    out += "## Signatures\n\n| Name | Title | Team | Date | Signature |\n|---|---|---|---|---|\n";
    for (const auto& s : d.signatures) {
        out += fmt::format("| {} | {} | {} | {} | |\n", markdown_escape(s.name), markdown_escape(s.title),
                           markdown_escape(s.team), markdown_escape(s.date));
    }
    return out;
}

// --- HTML --------------------------------------------------------------------------------

constexpr std::string_view k_css =
    R"(body{font:11pt/1.45 Georgia,"Times New Roman",serif;color:#1b1b1b;max-width:46rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.9rem;margin-bottom:.2rem}h2{font-size:1.3rem;border-bottom:1px solid #bbb;margin-top:2rem;padding-bottom:.2rem}
h3{font-size:1.05rem;margin-bottom:.3rem}dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0 0 1rem}
dl.facts dt{font-weight:bold}dl.facts dd{margin:0}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92em}
th,td{border:1px solid #bbb;padding:.3rem .45rem;text-align:left;vertical-align:top}th{background:#f0f0f0}
.signatures td{height:2.6rem}.signatures td:last-child{width:30%}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}tr,li{break-inside:avoid}
.signatures{break-inside:avoid}@page{margin:18mm}})";

std::string render_html(const SlaDocument& d)
{
    std::string out = fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                                  "<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n"
                                  "<dl class=\"facts\">\n",
                                  html_escape(d.title), k_css, html_escape(d.title));
    for (const auto& [k, v] : d.facts) {
        out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", html_escape(k), html_escape(v));
    }
    out += "</dl>\n<h2>Parties</h2>\n" + html_table(d.parties);
    if (!d.purpose.empty()) {
        out += "<h2>Purpose</h2>\n<p>" + html_escape(d.purpose) + "</p>\n";
    }
    out += "<h2>Definitions</h2>\n" + html_table(d.terms);
    if (!d.stages.rows.empty()) {
        out += "<h3>Who owns what: the funnel from top to bottom</h3>\n" + html_table(d.stages) + html_table(d.exits);
    }
    out += "<h2>Commitments</h2>\n";
    for (const auto& c : d.commitments) {
        out += "<h3>" + html_escape(c.team) + "</h3>\n" + html_list(c.promises);
    }
    if (!d.targets.rows.empty()) {
        out += "<h2>Targets</h2>\n" + html_table(d.targets);
    }
    out += "<h2>Hand-off and follow-up</h2>\n" + html_list(d.rules);
    out += "<h2>Communication</h2>\n" + html_table(d.meetings) + html_table(d.feedback);
    out += "<h2>Escalation and disputes</h2>\n";
    if (!d.disputes.empty()) {
        out += "<p>" + html_escape(d.disputes) + "</p>\n";
    }
    if (!d.consequences.empty()) {
        out += "<p>When a shared goal is missed:</p>\n" + html_list(d.consequences);
    }
    out += "<h2>Review and dissolution</h2>\n" + html_list(d.review);
    if (!d.dissolution.empty()) {
        out += "<p>This agreement ends if:</p>\n" + html_list(d.dissolution);
    }
    out += "<h2>Signatures</h2>\n<table class=\"signatures\">\n<thead><tr><th>Name</th><th>Title</th><th>Team</th>"
           "<th>Date</th><th>Signature</th></tr></thead>\n<tbody>\n";
    for (const auto& s : d.signatures) {
        out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td></td></tr>\n", html_escape(s.name),
                           html_escape(s.title), html_escape(s.team), html_escape(s.date));
    }
    return out + "</tbody>\n</table>\n</body>\n</html>\n";
}

// --- text --------------------------------------------------------------------------------

constexpr std::size_t k_width = 78;

std::string text_table(const TextTable& t)
{
    // Tables become indented records: a record per row, "header: value" per cell.
    std::string out;
    for (const auto& row : t.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (row[i].empty()) {
                continue;
            }
            out += wrap(row[i], k_width, i == 0 ? "  - " : fmt::format("    {}: ", t.header[i]), "      ");
        }
    }
    return out.empty() ? out : out + "\n";
}

std::string text_list(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& i : items) {
        out += wrap(i, k_width, "  - ", "    ");
    }
    return items.empty() ? out : out + "\n";
}

std::string heading(std::string_view title) { return fmt::format("{}\n{}\n\n", title, std::string(title.size(), '-')); }

std::string render_text(const SlaDocument& d)
{
    std::string out = fmt::format("{}\n{}\n\n", d.title, std::string(d.title.size(), '='));
    for (const auto& [k, v] : d.facts) {
        out += fmt::format("{}: {}\n", k, v);
    }
    out += "\n" + heading("Parties") + text_table(d.parties);
    if (!d.purpose.empty()) {
        out += heading("Purpose") + wrap(d.purpose, k_width, "", "") + "\n";
    }
    out += heading("Definitions") + text_table(d.terms);
    if (!d.stages.rows.empty()) {
        out += heading("Who owns what: the funnel from top to bottom") + text_table(d.stages) + text_table(d.exits);
    }
    out += heading("Commitments");
    for (const auto& c : d.commitments) {
        out += c.team + "\n" + text_list(c.promises);
    }
    if (!d.targets.rows.empty()) {
        out += heading("Targets") + text_table(d.targets);
    }
    out += heading("Hand-off and follow-up") + text_list(d.rules);
    out += heading("Communication") + text_table(d.meetings) + text_table(d.feedback);
    out += heading("Escalation and disputes");
    if (!d.disputes.empty()) {
        out += wrap(d.disputes, k_width, "", "") + "\n";
    }
    if (!d.consequences.empty()) {
        out += "When a shared goal is missed:\n" + text_list(d.consequences);
    }
    out += heading("Review and dissolution") + text_list(d.review);
    if (!d.dissolution.empty()) {
        out += "This agreement ends if:\n" + text_list(d.dissolution);
    }
    out += heading("Signatures");
    for (const auto& s : d.signatures) {
        out += fmt::format("  {}, {} ({})\n  Date: {:<20} Signature: ______________________\n\n", s.name,
                           s.title.empty() ? s.team : s.title, s.team, s.date.empty() ? "__________" : s.date);
    }
    return out;
}

} // namespace

std::string render_sla_document(const SlaDocument& doc, SlaFormat format)
{
    switch (format) {
    case SlaFormat::markdown:
        return render_markdown(doc);
    case SlaFormat::html:
        return render_html(doc);
    case SlaFormat::text:
        return render_text(doc);
    }
    return {};
}

} // namespace alignkit
