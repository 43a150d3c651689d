#pragma once
// One respondent's answers to a questionnaire.

#include "alignkit/model/enums.hpp"
#include "alignkit/util/date.hpp"
#include "alignkit/util/location.hpp"

#include <optional>
#include <string>
#include <vector>

namespace alignkit {

struct Answer {
    Located<std::string> question;     // question id
    std::optional<Located<int>> value; // nullopt when skipped
    std::string note;
};

struct Respondent {
    Located<std::string> id; // an id or a pseudonym, never needed to be a real name
    Team team{};
    std::string role;
};

struct Response {
    Located<std::string> questionnaire; // reference: name, Kind/name or relative path
    Respondent respondent;
    Located<Date> date;
    std::vector<Answer> answers; // in file order
};

} // namespace alignkit
