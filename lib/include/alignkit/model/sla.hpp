#pragma once
// The service-level agreement between marketing and sales.

#include "alignkit/model/duration.hpp"
#include "alignkit/model/enums.hpp"
#include "alignkit/util/date.hpp"
#include "alignkit/util/location.hpp"

#include <optional>
#include <string>
#include <vector>

namespace alignkit {

struct Contact {
    std::string name;
    std::string role;
    std::string email;
};

struct Party {
    Located<Team> team{};
    std::string name;
    std::optional<Contact> contact; // the point of contact for scheduling and agendas
};

struct VolumeTarget {
    Located<std::string> stage;
    Period per{};
    Located<double> min;
};

struct ConversionTarget {
    Located<std::string> from;
    Located<std::string> to;
    Located<double> min_percent; // 0..100
};

struct Target {
    Located<std::string> id;
    std::string title;
    Team owner{};
    std::optional<VolumeTarget> volume; // exactly one of volume and conversion
    std::optional<ConversionTarget> conversion;
};

struct Handoff {
    Located<std::string> stage; // entering this stage starts the hand-off clock
    Located<Duration> within;
};

struct FollowUp {
    Located<Duration> first_contact;
    Located<int> attempts;
    Located<Duration> window;
    std::optional<Located<Duration>> spacing; // minimum time between two attempts
};

// Who follows up on leads, to check the follow-up terms can be met.
struct Capacity {
    Located<int> reps;             // people who make contact attempts
    Located<int> attempts_per_day; // attempts one person makes in a working day
};

struct Disqualification {
    Located<std::string> exit; // exit stage id
    Located<bool> reason_required{true, {}};
};

struct Calendar {
    Located<std::string> time_zone;
    std::vector<Weekday> days;
    Located<TimeRange> hours;
    std::vector<Located<Date>> holidays;
};

struct Meeting {
    Located<std::string> id;
    std::string title;
    Cadence cadence{};
    Team owner{};
    std::vector<Team> attendees;
    std::vector<std::string> agenda;
};

struct FeedbackLoop {
    Team from{};
    Team to{};
    std::string about;
    Located<Cadence> cadence{};
};

struct Review {
    Cadence cadence{};
    std::optional<Located<Date>> next;
    std::string process;
};

struct Disengagement {
    std::vector<Located<std::string>> consequences;
    std::optional<Located<std::string>> disputes;
    std::optional<Review> review;
    std::vector<Located<std::string>> dissolution;
};

struct Signatory {
    std::string name;
    std::string title;
    Team team{};
    std::optional<Date> signed_on;
};

struct ServiceLevelAgreement {
    std::string version;
    std::string purpose;
    Located<Date> effective;
    std::optional<Located<Duration>> term;
    Located<std::string> leads; // reference to the LeadDefinitions
    std::vector<Party> parties;
    std::vector<Target> targets;
    std::optional<Handoff> handoff;
    std::optional<FollowUp> follow_up;
    std::optional<Capacity> capacity;
    std::optional<Disqualification> disqualification;
    std::optional<Calendar> calendar;
    std::vector<Meeting> meetings;
    std::vector<FeedbackLoop> feedback;
    std::vector<Located<std::string>> engagement;
    std::optional<Disengagement> disengagement;
    std::vector<Located<std::string>> glossaries; // references to Glossary documents
    std::vector<Signatory> signatories;
};

} // namespace alignkit
