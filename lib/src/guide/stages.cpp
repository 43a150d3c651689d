#include "alignkit/guide/stages.hpp"

#include <array>

namespace alignkit {
namespace {

constexpr std::array<std::string_view, 5> k_undefined_signs{
    "Each team grows on its own, absorbed in its own tasks and agenda.",
    "Neither team takes much interest in what the other does until a conflict breaks out.",
    "Meetings between the teams are unplanned and spent settling disputes rather than moving work forward.",
    "The two leaders have no regular feedback loop with each other.",
    "There are no goals the two teams share; each lives in its own bubble.",
};
constexpr std::array k_undefined_steps{
    StageStep{"Hold an expectations meeting between the leaders",
              "Clarity starts at the top: the sales and marketing leaders meet and write down what each "
              "expects of the other's role before they ask it of their teams."},
    StageStep{"Set rules and processes",
              "Agree guidelines for how the teams work together, so that disputes have an answer before they "
              "start, and explain the payoff to both teams: better returns on leads for marketing, higher close "
              "rates for sales."},
    StageStep{"Make clear who does what",
              "Draw the funnel from top to bottom and mark who owns each part of it: a one-page cheat sheet "
              "every member of both teams can keep at hand."},
};

constexpr std::array<std::string_view, 4> k_defined_signs{
    "Roles and responsibilities are written down and each team knows its lane.",
    "The leaders have agreed what they expect of each other, and rules exist for working together.",
    "Ownership of the funnel, from first touch to closed deal, is documented.",
    "The teams coexist without much friction but still work beside each other rather than with each other.",
};
constexpr std::array k_defined_steps{
    StageStep{"Make the lanes flexible",
              "Keep the defined roles, but let the teams step into each other's lanes where it helps: share "
              "information, responsibilities, wins and losses."},
    StageStep{"Speak the same language",
              "Teach both teams the vocabulary of the whole customer lifecycle, marketing's (TOFU, MOFU, BOFU, "
              "CTA, CTR, buyer persona, LTV) and sales' (BANT, discovery call, pipeline, closed won and lost, "
              "up-sell), and agree what a marketing-qualified and a sales-qualified lead are."},
    StageStep{"Share training and execution",
              "Hold joint sessions whenever something new arrives, such as lead magnets, products, marketing "
              "assets, sales scripts, buyer personas or testimonials, starting with one shared meeting that puts "
              "both teams on the same page."},
};

constexpr std::array<std::string_view, 5> k_aligned_signs{
    "The teams share information openly and help each other grow, not merely coexist.",
    "Both speak one vocabulary, so a buyer hears the same story from the first ad to the signed contract.",
    "Lead definitions and a service-level agreement have been written and agreed by both teams.",
    "Joint meetings and training happen regularly, and feedback flows both ways.",
    "Salespeople and marketers tag-team conversations with buyers.",
};
constexpr std::array k_aligned_steps{
    StageStep{"Create a shared space",
              "Seat the teams together where possible, with a culture that works for both; where it is not "
              "possible, create deliberate occasions for them to engage, such as shadowing days and joint calls."},
    StageStep{"Appoint a sales and marketing liaison",
              "Choose someone who speaks both languages, has the trust of both teams, is relational and analytical "
              "at once, and has the patience the role needs."},
    StageStep{"Share accountability for revenue",
              "Move from linear hand-offs to joint responsibility for generating, nurturing and converting leads "
              "and keeping customers, measured on the same records by both teams."},
};

constexpr std::array<std::string_view, 5> k_integrated_signs{
    "The teams sit together, or share a space and a culture of their own.",
    "A liaison who speaks both sales and marketing keeps the teams connected.",
    "Both teams answer together for revenue, from the first lead to the loyal customer.",
    "Both teams' metrics are computed from the same data, and plans are made jointly.",
    "The company grows faster than peers whose teams are merely aligned.",
};
constexpr std::array k_integrated_steps{
    StageStep{"Keep the agreement alive",
              "Review the SLA on its schedule, keep measuring compliance on real records, and bring new hires into "
              "the shared culture from their first week."},
};

constexpr std::array k_guides{
    StageGuide{Stage::undefined, "Undefined",
               "Sales and marketing work as strangers: no structure, no shared goals, and conflict whenever their "
               "work meets.",
               k_undefined_signs, k_undefined_steps},
    StageGuide{Stage::defined, "Defined",
               "Roles, rules and funnel ownership are clear, so the teams stop colliding, but they still work "
               "side by side rather than together.",
               k_defined_signs, k_defined_steps},
    StageGuide{Stage::aligned, "Aligned",
               "The teams share a language, definitions, training and an SLA, and help each other win.",
               k_aligned_signs, k_aligned_steps},
    StageGuide{Stage::integrated, "Integrated",
               "Sales and marketing act as one growth team, with a shared space, a liaison, shared data and shared "
               "accountability for revenue.",
               k_integrated_signs, k_integrated_steps},
};

} // namespace

std::span<const StageGuide> stage_guides() { return k_guides; }

const StageGuide& stage_guide(Stage stage) { return k_guides.at(static_cast<std::size_t>(stage)); }

} // namespace alignkit
