#include "alignkit/guide/glossary_book.hpp"
#include "util/escape.hpp"

#include "alignkit/model/version.hpp"
#include "alignkit/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>
#include <nlohmann/json.hpp>

namespace alignkit {
namespace {

GlossaryEntry entry(std::string term, std::optional<Team> owner, std::string definition,
                    std::vector<std::string> aliases = {}, std::vector<std::string> related = {})
{
    return {std::move(term), std::move(definition), owner, std::move(aliases), std::move(related), "built-in"};
}

constexpr auto k_marketing = Team::marketing;
constexpr auto k_sales = Team::sales;
constexpr std::optional<Team> k_both{};

// Written from the vocabulary each team brings (seed 000) and the lifecycle both share.
const std::vector<GlossaryEntry>& table()
{
    static const std::vector<GlossaryEntry> k_terms = [] {
        std::vector<GlossaryEntry> t{
            entry(
                "A/B test", k_marketing,
                "Showing two versions of a page, email or ad to comparable audiences to learn which one works better.",
                {"AB testing", "split test"}),
            entry("ABC", k_sales, "\"Always be closing\": the habit of steering every conversation toward a decision."),
            entry("BANT", k_sales,
                  "Budget, authority, need and timing: the four things a salesperson confirms before treating a lead "
                  "as qualified.",
                  {}, {"Discovery call", "SQL"}),
            entry("BOFU", k_marketing,
                  "Bottom of the funnel: buyers who are choosing a supplier, served with demos, trials, pricing and "
                  "case studies.",
                  {"bottom of the funnel"}, {"MOFU", "TOFU"}),
            entry("Buyer persona", k_marketing,
                  "A portrait of a typical buyer, with role, goals and objections, that both teams write and sell to.",
                  {"persona"}),
            entry("CAC", k_marketing,
                  "Customer acquisition cost: what sales and marketing spend to win one new customer.",
                  {"customer acquisition cost"}, {"LTV"}),
            entry("CAN-SPAM", k_marketing,
                  "The United States law on commercial email: consent, honest subject lines and a working unsubscribe.",
                  {}),
            entry("Closed lost", k_sales, "An opportunity that ended without a sale, recorded with the reason.",
                  {"closed-lost"}, {"Closed won"}),
            entry("Closed won", k_sales, "An opportunity that ended in a signed deal.", {"closed-won"},
                  {"Closed lost"}),
            entry("Cross-sell", k_sales, "Selling a customer a product that complements what they already bought.", {},
                  {"Up-sell"}),
            entry("CRO", k_both, "Chief revenue officer: one leader over sales and marketing, accountable for revenue.",
                  {"chief revenue officer"}),
            entry("CTA", k_marketing, "Call to action: the one thing a page, email or ad asks the reader to do next.",
                  {"call to action"}, {"CTR"}),
            entry("CTR", k_marketing, "Click-through rate: the share of people shown a link or ad who click it.",
                  {"click-through rate"}, {"CTA"}),
            entry("Discovery call", k_sales,
                  "The first real conversation with a prospect, to understand their situation and qualify them.", {},
                  {"BANT"}),
            entry("Down-sell", k_sales,
                  "Offering a smaller or cheaper product when the buyer cannot go ahead with the larger one.", {},
                  {"Up-sell"}),
            entry("Feedback loop", k_both,
                  "A fixed way for one team to tell the other what happened to its work, such as why MQLs were "
                  "rejected.",
                  {}, {"SLA"}),
            entry("Funnel", k_both,
                  "The stages a buyer moves through, from first hearing of the company to becoming a customer.",
                  {"customer lifecycle"}, {"TOFU", "MOFU", "BOFU"}),
            entry("Hand-off", k_both, "The moment a lead passes from marketing to sales, with its history.",
                  {"handoff"}, {"MQL", "SLA"}),
            entry("Lead", k_both, "A person or company that has given a way to reach them.", {}, {"MQL"}),
            entry("Lead magnet", k_marketing,
                  "Something of value offered in exchange for contact details, such as a guide or a webinar.", {}),
            entry("Lead scoring", k_marketing,
                  "Points given for fit and engagement that decide when a lead becomes marketing-qualified.", {},
                  {"MQL"}),
            entry("LTV", k_marketing, "Lifetime value: the revenue a customer brings over the whole relationship.",
                  {"lifetime value", "CLV"}, {"CAC"}),
            entry("MOFU", k_marketing,
                  "Middle of the funnel: people comparing ways to solve their problem, served with guides, webinars "
                  "and comparisons.",
                  {"middle of the funnel"}, {"TOFU", "BOFU"}),
            entry("MQL", k_marketing,
                  "Marketing-qualified lead: a lead that fits the customer profile and has engaged enough, by the "
                  "criteria both teams agreed, for sales to take it on.",
                  {"marketing-qualified lead"}, {"SQL", "Lead scoring"}),
            entry("Opportunity", k_sales, "A qualified buyer with an open deal in the pipeline.", {"deal"},
                  {"Pipeline"}),
            entry("Pipeline", k_sales, "All open opportunities, by stage and value: what sales expects to close.", {},
                  {"Opportunity"}),
            entry("Quote", k_sales, "A priced offer sent to a buyer.", {"proposal"}),
            entry("Recycled lead", k_both,
                  "A lead sales hands back to marketing to nurture, because the timing is wrong, not the fit.",
                  {"nurture"}, {"MQL"}),
            entry("SAL", k_sales, "Sales-accepted lead: an MQL that sales has reviewed and agreed to work.",
                  {"sales-accepted lead"}, {"MQL", "SQL"}),
            entry("SLA", k_both,
                  "Service-level agreement: what marketing and sales each promise the other, such as lead volume, "
                  "hand-off and follow-up times, and how they settle disputes.",
                  {"service-level agreement"}, {"MQL", "SQL"}),
            entry("SQL", k_sales,
                  "Sales-qualified lead: a lead sales has qualified, typically on budget, authority, need and timing.",
                  {"sales-qualified lead"}, {"MQL", "BANT"}),
            entry(
                "TOFU", k_marketing,
                "Top of the funnel: people just learning about a problem, served with articles, ads and social posts.",
                {"top of the funnel"}, {"MOFU", "BOFU"}),
            entry("Up-sell", k_sales, "Selling a customer a larger plan or more of what they already use.", {},
                  {"Cross-sell", "Down-sell"}),
        };
        return t;
    }();
    return k_terms;
}

bool names(const GlossaryEntry& e, std::string_view word)
{
    const auto key = lower_ascii(word);
    if (lower_ascii(e.term) == key) {
        return true;
    }
    return std::any_of(e.aliases.begin(), e.aliases.end(), [&](const std::string& a) { return lower_ascii(a) == key; });
}

std::string owner_name(const GlossaryEntry& e) { return e.owner ? std::string(to_string(*e.owner)) : "both"; }

std::string render_text(std::span<const GlossaryEntry> entries)
{
    std::string out;
    for (const auto& e : entries) {
        if (!out.empty()) {
            out += '\n';
        }
        out += fmt::format("{} ({}{})\n", e.term, owner_name(e), e.source == "built-in" ? "" : ", " + e.source);
        out += wrap(e.definition, 78, "  ", "  ");
        if (!e.aliases.empty()) {
            out += wrap("also: " + fmt::format("{}", fmt::join(e.aliases, ", ")), 78, "  ", "    ");
        }
        if (!e.related.empty()) {
            out += wrap("see: " + fmt::format("{}", fmt::join(e.related, ", ")), 78, "  ", "    ");
        }
    }
    return out;
}

std::string render_markdown(std::span<const GlossaryEntry> entries)
{
    std::string out = "| Term | Team | Definition | Also | See |\n|---|---|---|---|---|\n";
    for (const auto& e : entries) {
        out +=
            fmt::format("| **{}** | {} | {} | {} | {} |\n", markdown_escape(e.term), owner_name(e),
                        markdown_escape(e.definition), markdown_escape(fmt::format("{}", fmt::join(e.aliases, ", "))),
                        markdown_escape(fmt::format("{}", fmt::join(e.related, ", "))));
    }
    return out;
}

std::string render_json(std::span<const GlossaryEntry> entries)
{
    using Json = nlohmann::ordered_json;
    Json terms = Json::array();
    for (const auto& e : entries) {
        terms.push_back({{"term", e.term},
                         {"definition", e.definition},
                         {"owner", e.owner ? Json(to_string(*e.owner)) : Json(nullptr)},
                         {"aliases", e.aliases},
                         {"related", e.related},
                         {"source", e.source}});
    }
    Json report = {{"report", "alignkit-glossary"},
                   {"version", 1},
                   {"tool", {{"name", "alignkit"}, {"version", version()}}},
                   {"terms", std::move(terms)}};
    return report.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace

std::span<const GlossaryEntry> builtin_glossary() { return table(); }

std::vector<GlossaryEntry> merged_glossary(std::span<const Document> documents)
{
    // The built-in entries apart from the user's: a user's term replaces a built-in one, and
    // looking only among the few built-ins keeps many user terms linear.
    std::vector<GlossaryEntry> built_in(table().begin(), table().end());
    std::vector<GlossaryEntry> out;
    for (const auto& doc : documents) {
        const auto* g = std::get_if<Glossary>(&doc.spec);
        if (g == nullptr) {
            continue;
        }
        for (const auto& t : g->terms) {
            GlossaryEntry e{t.term.value, t.definition, t.owner, {}, {}, doc.metadata.name.value};
            for (const auto& a : t.aliases) {
                e.aliases.push_back(a.value);
            }
            for (const auto& r : t.related) {
                e.related.push_back(r.value);
            }
            // The user's definition replaces a built-in one of the same term or alias.
            std::erase_if(built_in, [&](const GlossaryEntry& existing) {
                return names(existing, e.term) || std::any_of(e.aliases.begin(), e.aliases.end(),
                                                              [&](const auto& a) { return names(existing, a); });
            });
            out.push_back(std::move(e));
        }
    }
    out.insert(out.begin(), std::make_move_iterator(built_in.begin()), std::make_move_iterator(built_in.end()));
    std::stable_sort(out.begin(), out.end(), [](const GlossaryEntry& a, const GlossaryEntry& b) {
        return lower_ascii(a.term) < lower_ascii(b.term);
    });
    return out;
}

const GlossaryEntry* find_term(std::span<const GlossaryEntry> entries, std::string_view word)
{
    for (const auto& e : entries) {
        if (names(e, word)) {
            return &e;
        }
    }
    return nullptr;
}

std::string render_glossary(std::span<const GlossaryEntry> entries, GlossaryFormat format)
{
    switch (format) {
    case GlossaryFormat::text:
        return terminal_safe(render_text(entries));
    case GlossaryFormat::markdown:
        return render_markdown(entries);
    case GlossaryFormat::json:
        return render_json(entries);
    }
    return {};
}

} // namespace alignkit
