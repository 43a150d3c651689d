#include "alignkit/checks/checks.hpp"

#include "alignkit/util/text.hpp"
#include "checks/check_util.hpp"
#include "config/document_index.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace alignkit {

void check_glossaries(const DocumentIndex& index, Diagnostics& diags)
{
    // Every term and alias of every glossary in the run, case-folded: related terms may
    // point into another glossary.
    std::vector<std::string_view> all_terms;
    for (const auto& doc : index.all()) {
        if (const auto* g = std::get_if<Glossary>(&doc.spec)) {
            for (const auto& term : g->terms) {
                all_terms.push_back(term.term.value);
                for (const auto& alias : term.aliases) {
                    all_terms.push_back(alias.value);
                }
            }
        }
    }
    std::unordered_set<std::string> folded_terms;
    for (auto t : all_terms) {
        folded_terms.insert(lower_ascii(t));
    }
    Speller speller(all_terms); // one for the run: many unknown terms among many stay linear

    for (const auto& doc : index.all()) {
        const auto* g = std::get_if<Glossary>(&doc.spec);
        if (g == nullptr) {
            continue;
        }
        std::map<std::string, const Located<std::string>*> names; // folded term -> where
        for (const auto& term : g->terms) {
            auto [it, inserted] = names.try_emplace(lower_ascii(term.term.value), &term.term);
            if (!inserted) {
                diags.add(Code::duplicate_id, doc.file, term.term.pos,
                          fmt::format("term '{}' is defined twice", term.term.value),
                          fmt::format("the first is on line {}", it->second->pos.line));
            }
        }
        std::map<std::string, const Located<std::string>*> aliases;
        for (const auto& term : g->terms) {
            for (const auto& alias : term.aliases) {
                auto key = lower_ascii(alias.value);
                const Located<std::string>* clash = nullptr;
                if (auto it = names.find(key); it != names.end() && it->second != &term.term) {
                    clash = it->second;
                } else if (auto a = aliases.find(key); a != aliases.end()) {
                    clash = a->second;
                }
                if (clash != nullptr) {
                    diags.add(Code::alias_conflict, doc.file, alias.pos,
                              fmt::format("alias '{}' of '{}' is already used on line {}", alias.value, term.term.value,
                                          clash->pos.line));
                }
                aliases.try_emplace(key, &alias);
            }
        }
        for (const auto& term : g->terms) {
            for (const auto& related : term.related) {
                if (!folded_terms.contains(lower_ascii(related.value))) {
                    // A warning only: the related term may live in a glossary not checked in this run.
                    diags
                        .add(Code::unknown_id, doc.file, related.pos,
                             fmt::format("related term '{}' is not defined in any glossary checked", related.value),
                             speller.did_you_mean(related.value))
                        .severity = Severity::warning;
                }
            }
        }
    }
}

} // namespace alignkit
