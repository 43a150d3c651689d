#include "alignkit/checks/checks.hpp"
#include "checks/check_util.hpp"
#include "config/document_index.hpp"

#include <algorithm>
#include <filesystem>

namespace alignkit {
namespace {

std::vector<std::string_view> stage_ids(const LeadDefinitions& defs)
{
    std::vector<std::string_view> ids;
    for (const auto& stage : defs.stages) {
        ids.push_back(stage.id.value);
    }
    return ids;
}

long stage_index(const LeadDefinitions& defs, std::string_view id)
{
    for (std::size_t i = 0; i < defs.stages.size(); ++i) {
        if (defs.stages[i].id.value == id) {
            return static_cast<long>(i);
        }
    }
    return -1;
}

void check_against_leads(const Document& doc, const ServiceLevelAgreement& sla, const LeadDefinitions& defs,
                         Diagnostics& diags)
{
    const auto stages = stage_ids(defs);
    if (sla.handoff) {
        check_known(doc, sla.handoff->stage, stages, "lifecycle stage", diags);
    }
    for (const auto& target : sla.targets) {
        if (target.volume) {
            check_known(doc, target.volume->stage, stages, "lifecycle stage", diags);
        }
        if (target.conversion) {
            const auto& c = *target.conversion;
            // Both ends are checked, so both unknown stages are reported at once.
            const bool from_known = check_known(doc, c.from, stages, "lifecycle stage", diags);
            const bool to_known = check_known(doc, c.to, stages, "lifecycle stage", diags);
            const bool known = from_known && to_known;
            if (known && stage_index(defs, c.from.value) >= stage_index(defs, c.to.value)) {
                diags.add(Code::conversion_order, doc.file, c.to.pos,
                          fmt::format("target '{}' converts from '{}' to '{}', which does not come after it",
                                      target.id.value, c.from.value, c.to.value),
                          "the lifecycle order is " + fmt::format("{}", fmt::join(stages, " -> ")));
            }
        }
    }
    if (sla.disqualification) {
        std::vector<std::string_view> exits;
        for (const auto& exit : defs.exits) {
            exits.push_back(exit.id.value);
        }
        const auto& rule = *sla.disqualification;
        if (check_known(doc, rule.exit, exits, "exit stage", diags) && rule.reason_required.value) {
            auto it = std::find_if(defs.exits.begin(), defs.exits.end(),
                                   [&](const ExitStage& e) { return e.id.value == rule.exit.value; });
            if (it->reasons.empty()) {
                diags.add(Code::reasons_required, doc.file, rule.reason_required.pos,
                          fmt::format("every disqualification needs a reason, but exit '{}' defines no reason codes",
                                      rule.exit.value),
                          "add 'reasons' to that exit in the lead definitions");
            }
        }
    }
}

void check_follow_up(const Document& doc, const FollowUp& f, Diagnostics& diags)
{
    const auto spacing = f.spacing ? f.spacing->value : Duration{};
    const auto needed = Duration{f.first_contact.value.minutes + (f.attempts.value - 1) * spacing.minutes};
    if (needed <= f.window.value) {
        return;
    }
    std::string arithmetic = f.spacing ? fmt::format("first contact {} + {} more attempts x {} spacing = {}",
                                                     to_string(f.first_contact.value), f.attempts.value - 1,
                                                     to_string(spacing), to_string(needed))
                                       : fmt::format("first contact alone takes {}", to_string(f.first_contact.value));
    diags.add(Code::attempts_do_not_fit, doc.file, f.window.pos,
              fmt::format("the follow-up window of {} cannot hold {} attempts: {}", to_string(f.window.value),
                          f.attempts.value, arithmetic),
              fmt::format("make the window at least {}", to_string(needed)));
}

void check_calendar(const Document& doc, const Calendar& calendar, Diagnostics& diags)
{
    if (!time_zone_exists(calendar.time_zone.value)) {
        diags
            .add(Code::unknown_time_zone, doc.file, calendar.time_zone.pos,
                 fmt::format("unknown time zone '{}'", calendar.time_zone.value),
                 "use an IANA name such as 'America/Chicago', 'Europe/Berlin' or 'UTC'")
            .length = static_cast<int>(calendar.time_zone.value.size());
    }
    const auto& hours = calendar.hours.value;
    if (hours.end <= hours.start) {
        diags.add(Code::empty_hours, doc.file, calendar.hours.pos,
                  fmt::format("working hours end at {}, not after they start at {}", to_string(hours.end),
                              to_string(hours.start)));
    }
}

void check_review(const Document& doc, const ServiceLevelAgreement& sla, const CheckOptions& options,
                  Diagnostics& diags)
{
    if (!sla.disengagement || !sla.disengagement->review || !sla.disengagement->review->next) {
        return;
    }
    const auto& next = *sla.disengagement->review->next;
    if (next.value < sla.effective.value) {
        diags.add(Code::review_before_effective, doc.file, next.pos,
                  fmt::format("the next review ({}) is before the SLA takes effect ({})", to_string(next.value),
                              to_string(sla.effective.value)));
    } else if (next.value < options.as_of) {
        diags.add(Code::review_overdue, doc.file, next.pos,
                  fmt::format("the review due {} is {} days overdue (as of {})", to_string(next.value),
                              days_since_epoch(options.as_of) - days_since_epoch(next.value), to_string(options.as_of)),
                  "hold the review, then set the next review date");
    }
}

} // namespace

bool time_zone_exists(std::string_view zone)
{
    namespace fs = std::filesystem;
    if (zone == "UTC") {
        return true;
    }
    const fs::path database = "/usr/share/zoneinfo";
    std::error_code ec;
    if (!fs::is_directory(database, ec)) {
        return true; // no tz database here to check against; the audit reports it when it needs the zone
    }
    if (zone.empty() || zone.front() == '/' || zone.find("..") != std::string_view::npos) {
        return false;
    }
    return fs::is_regular_file(database / zone, ec);
}

void check_sla(const Document& doc, const ServiceLevelAgreement& sla, const DocumentIndex& index,
               const CheckOptions& options, Diagnostics& diags)
{
    std::vector<const Located<std::string>*> targets;
    for (const auto& target : sla.targets) {
        targets.push_back(&target.id);
    }
    check_unique(doc, targets, "target", diags);
    std::vector<const Located<std::string>*> meetings;
    for (const auto& meeting : sla.meetings) {
        meetings.push_back(&meeting.id);
    }
    check_unique(doc, meetings, "meeting", diags);
    for (std::size_t i = 0; i < sla.parties.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (sla.parties[i].team.value == sla.parties[j].team.value) {
                diags.add(Code::duplicate_id, doc.file, sla.parties[i].team.pos,
                          fmt::format("party '{}' is listed twice", to_string(sla.parties[i].team.value)),
                          fmt::format("the first is on line {}", sla.parties[j].team.pos.line));
            }
        }
    }

    if (const Document* leads = index.resolve(sla.leads, Kind::LeadDefinitions, doc, diags)) {
        if (const auto* defs = std::get_if<LeadDefinitions>(&leads->spec)) {
            check_against_leads(doc, sla, *defs, diags);
        }
    }
    for (const auto& glossary : sla.glossaries) {
        index.resolve(glossary, Kind::Glossary, doc, diags);
    }
    if (sla.follow_up) {
        check_follow_up(doc, *sla.follow_up, diags);
    }
    if (sla.calendar) {
        check_calendar(doc, *sla.calendar, diags);
    }
    check_review(doc, sla, options, diags);
}

} // namespace alignkit
