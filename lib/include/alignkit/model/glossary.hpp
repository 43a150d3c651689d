#pragma once
// Terms both teams use, defined once.

#include "alignkit/model/enums.hpp"
#include "alignkit/util/location.hpp"

#include <optional>
#include <string>
#include <vector>

namespace alignkit {

struct Term {
    Located<std::string> term;
    std::string definition;
    std::optional<Team> owner; // the team the term comes from; none when shared
    std::vector<Located<std::string>> aliases;
    std::vector<Located<std::string>> related;
};

struct Glossary {
    std::vector<Term> terms;
};

} // namespace alignkit
