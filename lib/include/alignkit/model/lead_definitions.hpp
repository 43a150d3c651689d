#pragma once
// The lead lifecycle both teams agreed on: ordered stages with owners and criteria,
// exits with reason codes, and the lead fields criteria may use.

#include "alignkit/model/duration.hpp"
#include "alignkit/model/enums.hpp"
#include "alignkit/util/location.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace alignkit {

struct LeadField {
    Located<std::string> name;
    FieldType type{};
    std::string column; // the CSV header this field is read from; defaults to the name
    std::string description;
    std::optional<Located<std::string>> zone; // an IANA zone its times without a zone are read in
    std::vector<std::string> missing;         // values that mean "not answered", read as empty
    bool ignore_case = false;                 // text compared without regard to ASCII case
};

// Criteria as written. `text.pos` is where its first character stands; when `exact`, the
// expression sits on that one line, so a column inside it is pos.column plus the offset.
struct Criteria {
    Located<std::string> text;
    bool exact = true;
};

struct LifecycleStage {
    Located<std::string> id;
    std::string name;
    Located<Team> owner{};
    Criteria entry;
    std::optional<Criteria> exit;
    std::optional<Located<Duration>> clock; // how long a lead may stay in the stage
    std::string description;
    // Where the audit reads the stage from: the ways a lead is known to have reached it (none
    // written: its date is set), and the datetime field that dates it (none: `<id>_at`).
    std::vector<Located<Evidence>> reached;
    std::optional<Located<std::string>> at;
};

struct ReasonCode {
    Located<std::string> code;
    std::string label;
};

struct ExitStage {
    Located<std::string> id; // e.g. disqualified, recycled
    std::string name;
    std::optional<Located<Team>> owner;
    std::vector<ReasonCode> reasons;
    std::optional<Located<std::string>> to; // a recycle path: the lifecycle stage leads return to
    // As for a stage: the criterion a record meets when the lead took this exit, how the
    // audit knows it did (date or entry; none written: date), and the field that dates it.
    std::optional<Criteria> entry;
    std::vector<Located<Evidence>> reached;
    std::optional<Located<std::string>> at;
};

// The fields the audit reads for each of its roles, by role: lead_id, owner, source,
// assigned_at, first_touch_at, attempts, disqualify_reason. A role not given is read from the
// field named as the role (attempts: touch_attempts), as exports shaped like the examples
// have it.
struct AuditRoles {
    std::map<std::string, Located<std::string>> fields;
    std::vector<Located<std::string>> attempt_times; // a datetime field per contact attempt
};

struct LeadDefinitions {
    std::vector<LeadField> fields;
    std::vector<LifecycleStage> stages; // lifecycle order
    std::vector<ExitStage> exits;
    AuditRoles roles;
};

// The roles the audit reads, and the field each is read from when the definitions do not say.
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 7> k_audit_roles{{
    {"lead_id", "lead_id"},
    {"owner", "owner"},
    {"source", "source"},
    {"assigned_at", "assigned_at"},
    {"first_touch_at", "first_touch_at"},
    {"attempts", "touch_attempts"},
    {"disqualify_reason", "disqualify_reason"},
}};

// The field a role is read from: the definitions' `roles`, else the default above.
std::string role_field(const LeadDefinitions& defs, std::string_view role);

// The field that dates a stage or an exit: its `at`, else `<id>_at`.
std::string dating_field(const LifecycleStage& stage);
std::string dating_field(const ExitStage& exit);

} // namespace alignkit
