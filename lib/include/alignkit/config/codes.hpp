#pragma once
// Every diagnostic alignkit can report, declared once: the stable code users search for,
// the default severity, and the text `alignkit explain` prints.

#include <optional>
#include <span>
#include <string_view>

namespace alignkit {

enum class Severity { error, warning, info };

std::string_view to_string(Severity severity);

// Enumerators are named for what went wrong; the codes (AK....) never change meaning.
enum class Code {
    // AK0xxx: reading the input
    path_not_found,
    file_unreadable,
    not_utf8,
    binary_file,
    file_too_large,
    empty_file,
    yaml_syntax,
    too_deep,
    too_many_nodes,
    no_config_files,
    unused_suppression,
    // AK1xxx: the shape of a document
    not_a_mapping,
    bad_api_version,
    unknown_kind,
    unknown_key,
    missing_key,
    wrong_type,
    duplicate_key,
    invalid_enum,
    invalid_duration,
    invalid_date,
    invalid_time,
    invalid_name,
    out_of_range,
    invalid_percentage,
    empty_list,
    empty_value,
    conflicting_keys,
    invalid_criteria,
    // AK2xxx: names, ids and references
    duplicate_name,
    unresolved_reference,
    duplicate_id,
    unknown_id,
    answer_out_of_scale,
    unanswered_questions,
    duplicate_respondent,
    unknown_field,
    // AK3xxx: consistency of what the documents say
    attempts_do_not_fit,
    review_overdue,
    reasons_required,
    conversion_order,
    ownership_goes_back,
    stage_without_evidence,
    unknown_time_zone,
    empty_hours,
    response_in_future,
    review_before_effective,
    alias_conflict,
    criteria_type_mismatch,
    criteria_never_hold,
    stages_contradict,
    no_exit_criteria,
    exit_without_reasons,
    stages_share_a_date,
    field_unfit_for_role,
    // AK4xxx: what an SLA should say (alignkit sla check), by group
    sla_no_glossary,
    term_undefined,
    term_defined_twice,
    no_targets,
    team_without_target,
    no_handoff,
    no_follow_up,
    no_point_of_contact,
    no_joint_meeting,
    one_way_feedback,
    no_engagement_rules,
    no_consequences,
    no_dispute_resolution,
    no_review,
    no_dissolution,
    vague_clause,
    capacity_shortfall,
    capacity_headroom,
    feasibility_unknown,
    handoff_exceeds_clock,
    feedback_outpaces_meetings,
    // AK5xxx: CSV files
    csv_malformed,
    csv_missing_column,
    csv_unknown_column,
    csv_bad_value,
};

struct CodeInfo {
    Code code;
    std::string_view id;          // "AK1101"
    Severity severity;            // default severity
    std::string_view title;       // a few words
    std::string_view explanation; // what it means and why it matters
    std::string_view fix;         // how to fix it
};

// Every code, in code order.
std::span<const CodeInfo> all_codes();
const CodeInfo& info(Code code);
std::string_view to_string(Code code);
// Accepts "AK1101" or "ak1101".
std::optional<Code> parse_code(std::string_view id);

} // namespace alignkit
