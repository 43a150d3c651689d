#pragma once
// The envelope every config document shares, and the document of any kind.

#include "alignkit/model/glossary.hpp"
#include "alignkit/model/lead_definitions.hpp"
#include "alignkit/model/questionnaire.hpp"
#include "alignkit/model/response.hpp"
#include "alignkit/model/sla.hpp"
#include "alignkit/util/location.hpp"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace alignkit {

enum class Kind { Questionnaire, Response, ServiceLevelAgreement, LeadDefinitions, Glossary };
template <> struct EnumNames<Kind> {
    static constexpr std::array<std::string_view, 5> names{"Questionnaire", "Response", "ServiceLevelAgreement",
                                                           "LeadDefinitions", "Glossary"};
};

inline constexpr std::string_view k_api_version = "alignkit/v1";

struct Metadata {
    Located<std::string> name; // a slug, unique per kind
    std::string title;
    std::string description;
    std::map<std::string, std::string> labels;
};

// One YAML document. `spec` is empty when the document's shape had errors: its
// kind and name are still known, so references to it do not cascade into more errors.
// `partial_spec` is then what of it fits (config/shape_check.hpp's fitting_part), for the
// checks of the document itself only: no command works on it, and no other document is
// checked against it.
struct Document {
    using Spec =
        std::variant<std::monostate, Questionnaire, Response, LeadDefinitions, ServiceLevelAgreement, Glossary>;
    std::string file; // as the user named it
    Position pos;     // where the document starts
    Kind kind{};
    Metadata metadata;
    Spec spec;
    // Held apart, so that a document costs no more for it: most have none.
    std::shared_ptr<const Spec> partial_spec;
    // Its metadata.name is missing or does not fit: a reference by a name no document has
    // may mean this one, and is not reported (one mistake, one finding).
    bool name_broken = false;

    bool has_spec() const { return !std::holds_alternative<std::monostate>(spec); }
};

} // namespace alignkit
