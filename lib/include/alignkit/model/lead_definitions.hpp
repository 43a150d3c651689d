#pragma once
// The lead lifecycle both teams agreed on: ordered stages with owners and criteria,
// exits with reason codes, and the lead fields criteria may use.

#include "alignkit/model/duration.hpp"
#include "alignkit/model/enums.hpp"
#include "alignkit/util/location.hpp"

#include <optional>
#include <string>
#include <vector>

namespace alignkit {

struct LeadField {
    Located<std::string> name;
    FieldType type{};
    std::string column; // the CSV header this field is read from; defaults to the name
    std::string description;
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
};

struct LeadDefinitions {
    std::vector<LeadField> fields;
    std::vector<LifecycleStage> stages; // lifecycle order
    std::vector<ExitStage> exits;
};

} // namespace alignkit
