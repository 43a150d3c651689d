// The layouts of the SLA document: GitHub-flavoured Markdown, one self-contained HTML page
// that prints well, and wrapped plain text. Each lays out the same sections (sla_sections);
// everything from configs is escaped.

#include "alignkit/sla/sla_document.hpp"
#include "alignkit/util/text.hpp"
#include "util/escape.hpp"
#include "util/tables.hpp"

#include <fmt/format.h>

namespace alignkit {
namespace {

// --- Markdown ----------------------------------------------------------------------------

std::string markdown_of(const SlaBlock& b)
{
    switch (b.kind) {
    case SlaBlock::Kind::paragraph:
    case SlaBlock::Kind::lead_in:
        return markdown_block(b.text) + "\n\n";
    case SlaBlock::Kind::subheading:
        return "### " + markdown_escape(b.text) + "\n\n";
    case SlaBlock::Kind::list:
        return md_list(b.items);
    case SlaBlock::Kind::table:
        return md_table(*b.table);
    }
    return {};
}

std::string render_markdown(const SlaDocument& d)
{
    std::string out = "# " + markdown_escape(d.title) + "\n\n";
    for (const auto& [k, v] : d.facts) {
        out += fmt::format("**{}:** {}  \n", markdown_escape(k), markdown_escape(v));
    }
    out += "\n";
    for (const auto& section : sla_sections(d)) {
        out +=
            std::string(static_cast<std::size_t>(section.level), '#') + " " + markdown_escape(section.heading) + "\n\n";
        for (const auto& block : section.blocks) {
            out += markdown_of(block);
        }
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

std::string html_of(const SlaBlock& b)
{
    switch (b.kind) {
    case SlaBlock::Kind::paragraph:
    case SlaBlock::Kind::lead_in:
        return "<p>" + html_escape(b.text) + "</p>\n";
    case SlaBlock::Kind::subheading:
        return "<h3>" + html_escape(b.text) + "</h3>\n";
    case SlaBlock::Kind::list:
        return html_list(b.items);
    case SlaBlock::Kind::table:
        return html_table(*b.table);
    }
    return {};
}

std::string render_html(const SlaDocument& d)
{
    std::string out = fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                                  "<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n"
                                  "<dl class=\"facts\">\n",
                                  html_escape(d.title), k_css, html_escape(d.title));
    for (const auto& [k, v] : d.facts) {
        out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", html_escape(k), html_escape(v));
    }
    out += "</dl>\n";
    for (const auto& section : sla_sections(d)) {
        out += fmt::format("<h{0}>{1}</h{0}>\n", section.level, html_escape(section.heading));
        for (const auto& block : section.blocks) {
            out += html_of(block);
        }
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

std::string text_of(const SlaBlock& b)
{
    switch (b.kind) {
    case SlaBlock::Kind::paragraph:
        return wrap(b.text, k_width, "", "") + "\n";
    case SlaBlock::Kind::lead_in:
    case SlaBlock::Kind::subheading:
        return b.text + "\n";
    case SlaBlock::Kind::list:
        return text_list(b.items);
    case SlaBlock::Kind::table:
        return text_table(*b.table);
    }
    return {};
}

std::string render_text(const SlaDocument& d)
{
    std::string out = fmt::format("{}\n{}\n\n", d.title, std::string(d.title.size(), '='));
    for (const auto& [k, v] : d.facts) {
        out += fmt::format("{}: {}\n", k, v);
    }
    out += "\n";
    // Plain text has one heading style below the title: sections and their parts alike.
    for (const auto& section : sla_sections(d)) {
        out += heading(section.heading);
        for (const auto& block : section.blocks) {
            out += text_of(block);
        }
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
        return terminal_safe(render_text(doc));
    }
    return {};
}

} // namespace alignkit
