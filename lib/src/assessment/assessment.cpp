#include "alignkit/assessment/assessment.hpp"

#include "alignkit/util/sha256.hpp"
#include "config/document_index.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace alignkit {
namespace {

struct Answers {
    std::string id;
    Team team{};
    std::map<std::string, std::optional<int>> answers; // question id -> value (nullopt: skipped)
};

int stage_number(Stage s) { return static_cast<int>(s); }

std::optional<double> mean(const std::vector<double>& xs)
{
    if (xs.empty()) {
        return std::nullopt;
    }
    double sum = 0;
    for (double x : xs) {
        sum += x;
    }
    return sum / static_cast<double>(xs.size());
}

double stddev(const std::vector<double>& xs, double m)
{
    double sum = 0;
    for (double x : xs) {
        sum += (x - m) * (x - m);
    }
    return std::sqrt(sum / static_cast<double>(xs.size()));
}

// Teams in report order, each with its members: sales, marketing, leadership, then the others
// that answered.
using TeamSizes = std::vector<std::pair<Team, std::size_t>>;

TeamSizes team_sizes(const std::vector<Answers>& respondents)
{
    TeamSizes out;
    for (Team t : {Team::sales, Team::marketing, Team::leadership, Team::revops, Team::other}) {
        const auto n = static_cast<std::size_t>(
            std::count_if(respondents.begin(), respondents.end(), [&](const Answers& r) { return r.team == t; }));
        if (n > 0 || t == Team::sales || t == Team::marketing || t == Team::leadership) {
            out.emplace_back(t, n);
        }
    }
    return out;
}

TeamView team_view(Team team, std::size_t members, const std::vector<double>& scores, const AssessOptions& options)
{
    TeamView v{team, members, scores.size(), std::nullopt, false, false};
    if (scores.size() >= options.min_group) {
        v.score = mean(scores);
        v.disagrees = stddev(scores, *v.score) > options.spread_flag;
    }
    return v;
}

// Complementary suppression. The overall figure covers every team, so the overall minus the
// shown teams is the hidden teams' figure: when those have fewer than `min_group` members
// between them, that difference would give away a small group's answers (one leader's,
// exactly). The smallest shown teams are hidden too until the hidden members are at least
// `min_group`, or no team is shown.
void hide_complements(std::vector<TeamView>& teams, std::size_t min_group)
{
    auto hidden_members = [&] {
        std::size_t n = 0;
        for (const auto& t : teams) {
            n += t.score ? 0 : t.respondents;
        }
        return n;
    };
    for (std::size_t hidden = hidden_members(); hidden > 0 && hidden < min_group; hidden = hidden_members()) {
        TeamView* smallest = nullptr;
        for (auto& t : teams) {
            if (t.score && (smallest == nullptr || t.respondents < smallest->respondents)) {
                smallest = &t;
            }
        }
        if (smallest == nullptr) {
            return;
        }
        smallest->score.reset();
        smallest->disagrees = false;
        smallest->complement = true;
    }
}

std::optional<double> gap_of(const std::vector<TeamView>& teams)
{
    std::optional<double> sales, marketing;
    for (const auto& t : teams) {
        if (t.team == Team::sales) {
            sales = t.score;
        } else if (t.team == Team::marketing) {
            marketing = t.score;
        }
    }
    if (sales && marketing) {
        return *sales - *marketing;
    }
    return std::nullopt;
}

const Scale* scale_of(const Questionnaire& q, const Question& question)
{
    for (const auto& s : q.scales) {
        if (s.id.value == question.scale.value) {
            return &s;
        }
    }
    return nullptr;
}

// The responses that answer `doc`; a later one of the same respondent wins.
std::vector<Answers> respondents_of(const Document& doc, std::span<const Document> documents)
{
    DocumentIndex index(documents);
    std::vector<Answers> respondents;
    for (const auto& d : documents) {
        const auto* r = std::get_if<Response>(&d.spec);
        if (r == nullptr) {
            continue;
        }
        Diagnostics ignored;
        if (index.resolve(r->questionnaire, Kind::Questionnaire, d, ignored) != &doc) {
            continue;
        }
        Answers who{r->respondent.id.value, r->respondent.team, {}};
        for (const auto& a : r->answers) {
            who.answers[a.question.value] = a.value ? std::optional<int>(a.value->value) : std::nullopt;
        }
        auto same =
            std::find_if(respondents.begin(), respondents.end(), [&](const Answers& x) { return x.id == who.id; });
        if (same != respondents.end()) {
            *same = std::move(who);
        } else {
            respondents.push_back(std::move(who));
        }
    }
    return respondents;
}

// An answer on 0..1, 1 the most mature: reverse questions count the other way.
double normalised(int value, const Scale& scale, bool reverse)
{
    int lo = scale.options.front().value.value;
    int hi = lo;
    for (const auto& o : scale.options) {
        lo = std::min(lo, o.value.value);
        hi = std::max(hi, o.value.value);
    }
    const double x = hi == lo ? 1.0 : static_cast<double>(value - lo) / static_cast<double>(hi - lo);
    return reverse ? 1.0 - x : x;
}

// What one dimension's questions add up to while they are scored, before the ladder.
struct DimensionTally {
    double score_sum = 0, score_weight = 0;
    std::array<double, 4> weighted{}, weights{}; // by stage the questions evidence
};

QuestionResult score_question(const Questionnaire& q, const Question& question, const std::vector<Answers>& respondents,
                              const TeamSizes& teams, const AssessOptions& options, DimensionTally& tally)
{
    QuestionResult qr{question.id.value, question.text, question.stage.value, question.reverse, 0, 0, std::nullopt, {},
                      std::nullopt,      false};
    const Scale* scale = scale_of(q, question);
    std::map<Team, std::vector<double>> by_team;
    std::vector<double> all;
    for (const auto& r : respondents) {
        auto it = r.answers.find(question.id.value);
        if (it == r.answers.end() || !it->second || scale == nullptr || scale->options.empty()) {
            ++qr.skipped;
            continue;
        }
        const double x = normalised(*it->second, *scale, question.reverse);
        all.push_back(x);
        by_team[r.team].push_back(x);
        ++qr.answered;
    }
    qr.score = mean(all);
    for (const auto& [t, members] : teams) {
        qr.teams.push_back(team_view(t, members, by_team[t], options));
    }
    hide_complements(qr.teams, options.min_group);
    qr.gap = gap_of(qr.teams);
    qr.gap_flagged = qr.gap && std::abs(*qr.gap) >= options.gap_flag;
    if (qr.score) {
        tally.score_sum += question.weight * *qr.score;
        tally.score_weight += question.weight;
        const auto s = static_cast<std::size_t>(stage_number(question.stage.value));
        tally.weighted[s] += question.weight * *qr.score;
        tally.weights[s] += question.weight;
    }
    return qr;
}

// The stages in order: reached while the evidence holds; a stage without evidence is skipped.
// Sets the dimension's evidence, stage, index and the arithmetic behind them.
void place_on_ladder(DimensionResult& dr, const DimensionTally& tally, const AssessOptions& options)
{
    bool blocked = false;
    double progress = 0;
    for (Stage s : {Stage::defined, Stage::aligned, Stage::integrated}) {
        const auto i = static_cast<std::size_t>(stage_number(s));
        if (tally.weights[i] == 0) {
            dr.arithmetic.push_back(
                fmt::format("{}: no answered question evidences it, so it is skipped", to_string(s)));
            continue;
        }
        const double e = tally.weighted[i] / tally.weights[i];
        dr.evidence[i] = e;
        if (blocked) {
            dr.arithmetic.push_back(
                fmt::format("{}: evidence {:.2f}, not counted: an earlier stage is not reached", to_string(s), e));
            continue;
        }
        if (e >= options.reach) {
            dr.stage = s;
            dr.arithmetic.push_back(
                fmt::format("{}: evidence {:.2f} >= {:.2f}, reached", to_string(s), e, options.reach));
        } else {
            blocked = true;
            progress = e / options.reach;
            dr.arithmetic.push_back(
                fmt::format("{}: evidence {:.2f} < {:.2f}, not reached; progress {:.2f} / {:.2f} = {:.2f}",
                            to_string(s), e, options.reach, e, options.reach, progress));
        }
    }
    dr.index = stage_number(dr.stage) + progress;
    dr.arithmetic.push_back(fmt::format("index = {} ({}) + {:.2f} = {:.2f}", stage_number(dr.stage),
                                        to_string(dr.stage), progress, dr.index));
}

// A team's figure for a dimension: the weighted mean of its shown question figures (rule 8 of
// assessment.hpp), so that it adds nothing to what those already show; shown when the team is
// shown on at least half the dimension's scored questions, so that it speaks for the dimension.
TeamView dimension_team_view(std::size_t at, const Dimension& dim, const std::vector<QuestionResult>& questions)
{
    TeamView v{questions.front().teams[at].team, questions.front().teams[at].members, 0, std::nullopt, false, false};
    double sum = 0, weight = 0;
    std::size_t scored = 0, shown = 0, disagreeing = 0;
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const auto& t = questions[i].teams[at];
        v.respondents = std::max(v.respondents, t.respondents);
        scored += questions[i].score ? 1U : 0U;
        v.complement = v.complement || t.complement;
        if (t.score) {
            sum += dim.questions[i].weight * *t.score;
            weight += dim.questions[i].weight;
            ++shown;
            disagreeing += t.disagrees ? 1U : 0U;
        }
    }
    if (shown > 0 && weight > 0 && 2 * shown >= scored) {
        v.score = sum / weight;
        v.disagrees = 2 * disagreeing > shown;
        v.complement = false;
    }
    return v;
}

// The dimension's gap: the weighted mean of the question gaps where both teams are shown, so
// that sales and marketing are compared on the same questions.
std::optional<double> dimension_gap(const Dimension& dim, const DimensionResult& dr)
{
    if (!gap_of(dr.teams)) {
        return std::nullopt;
    }
    double sum = 0, weight = 0;
    for (std::size_t i = 0; i < dr.questions.size(); ++i) {
        if (dr.questions[i].gap) {
            sum += dim.questions[i].weight * *dr.questions[i].gap;
            weight += dim.questions[i].weight;
        }
    }
    return weight > 0 ? std::optional<double>(sum / weight) : std::nullopt;
}

DimensionResult score_dimension(const Questionnaire& q, const Dimension& dim, const std::vector<Answers>& respondents,
                                const TeamSizes& teams, const AssessOptions& options, AssessmentReport& report)
{
    DimensionResult dr;
    dr.id = dim.id.value;
    dr.title = dim.title;
    dr.weight = dim.weight;
    DimensionTally tally;
    for (const auto& question : dim.questions) {
        auto qr = score_question(q, question, respondents, teams, options, tally);
        report.answers += qr.answered;
        report.skips += qr.skipped;
        dr.questions.push_back(std::move(qr));
    }
    if (tally.score_weight > 0) {
        dr.score = tally.score_sum / tally.score_weight;
    }
    for (std::size_t at = 0; at < teams.size() && !dr.questions.empty(); ++at) {
        dr.teams.push_back(dimension_team_view(at, dim, dr.questions));
    }
    dr.gap = dimension_gap(dim, dr);
    dr.gap_flagged = dr.gap && std::abs(*dr.gap) >= options.gap_flag;
    place_on_ladder(dr, tally, options);
    return dr;
}

// The overall index and stage: the weighted mean of the dimensions, capped one stage above the
// weakest.
void place_overall(AssessmentReport& report, double weighted_index, double total_weight)
{
    report.index = total_weight > 0 ? weighted_index / total_weight : 0;
    const auto weakest = std::min_element(report.dimensions.begin(), report.dimensions.end(),
                                          [](const auto& a, const auto& b) { return a.stage < b.stage; });
    const int from_index = std::clamp(static_cast<int>(std::floor(report.index)), 0, 3);
    const int cap = weakest == report.dimensions.end() ? 3 : stage_number(weakest->stage) + 1;
    report.stage = static_cast<Stage>(std::min(from_index, cap));
    report.overall_arithmetic =
        fmt::format("overall index = weighted mean of the dimension indices = {:.2f}; its whole part gives '{}'{}; "
                    "overall stage '{}'",
                    report.index, to_string(static_cast<Stage>(from_index)),
                    weakest == report.dimensions.end()
                        ? std::string{}
                        : fmt::format(", the weakest dimension ('{}', {}) allows at most '{}'", weakest->title,
                                      to_string(weakest->stage), to_string(static_cast<Stage>(std::min(cap, 3)))),
                    to_string(report.stage));
}

// Strengths: the strongest dimensions. Gaps: flagged differences, largest first. Next steps:
// the steps to the next stage of the weakest dimensions, heavier ones first.
void conclude(AssessmentReport& report)
{
    std::vector<const DimensionResult*> by_index;
    for (const auto& d : report.dimensions) {
        by_index.push_back(&d);
    }
    std::stable_sort(by_index.begin(), by_index.end(), [](auto* a, auto* b) { return a->index > b->index; });
    for (std::size_t i = 0; i < std::min<std::size_t>(3, by_index.size()); ++i) {
        report.strengths.push_back(fmt::format("{} ({}, index {:.2f})", by_index[i]->title,
                                               to_string(by_index[i]->stage), by_index[i]->index));
    }
    std::vector<std::pair<double, std::string>> gaps;
    for (const auto& d : report.dimensions) {
        if (d.gap_flagged) {
            gaps.emplace_back(std::abs(*d.gap),
                              fmt::format("{}: sales sees it {:.0f} points {} than marketing", d.title,
                                          std::abs(*d.gap) * 100, *d.gap > 0 ? "better" : "worse"));
        }
        for (const auto& qr : d.questions) {
            if (qr.gap_flagged) {
                gaps.emplace_back(std::abs(*qr.gap),
                                  fmt::format("\"{}\": sales scores it {:.0f} points {} than marketing", qr.text,
                                              std::abs(*qr.gap) * 100, *qr.gap > 0 ? "higher" : "lower"));
            }
        }
    }
    std::stable_sort(gaps.begin(), gaps.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; i < std::min<std::size_t>(5, gaps.size()); ++i) {
        report.gaps.push_back(gaps[i].second);
    }
    std::vector<const DimensionResult*> weakest_first(by_index.rbegin(), by_index.rend());
    std::stable_sort(weakest_first.begin(), weakest_first.end(), [](auto* a, auto* b) {
        return a->index != b->index ? a->index < b->index : a->weight > b->weight;
    });
    for (std::size_t i = 0; i < std::min<std::size_t>(3, weakest_first.size()); ++i) {
        for (const auto& step : stage_guide(weakest_first[i]->stage).steps) {
            // Two dimensions at the same stage share their steps: list the step once, for both.
            auto same = std::find_if(report.next_steps.begin(), report.next_steps.end(),
                                     [&](const NextStep& n) { return n.step.title == step.title; });
            if (same != report.next_steps.end()) {
                same->dimension += ", " + weakest_first[i]->title;
            } else {
                report.next_steps.push_back({weakest_first[i]->title, weakest_first[i]->stage, step});
            }
        }
    }
}

// The inputs with their SHA-256. Files that hold answers are hashed together unless the report
// shows each person's answers anyway: the hash of one person's own file would let anyone check
// a guess of all that person's answers (a file `assess take` writes is a template and a few
// values), which is exactly what hiding small groups is for.
std::vector<Input> inputs_of(std::span<const std::pair<std::string, std::string>> sources,
                             std::span<const Document> documents, bool show_respondents)
{
    std::vector<Input> out;
    Input answers;
    std::string listing; // as sha256sum prints it
    for (const auto& source : sources) {
        const auto& [file, text] = source;
        const bool holds_answers = std::any_of(documents.begin(), documents.end(), [&](const Document& d) {
            return d.file == source.first && std::holds_alternative<Response>(d.spec);
        });
        const auto digest = sha256_hex(text);
        if (!holds_answers || show_respondents) {
            out.push_back({file, digest, {}});
            continue;
        }
        listing += fmt::format("{}  {}\n", digest, file);
        answers.files.push_back(file);
    }
    if (!answers.files.empty()) {
        answers.sha256 = sha256_hex(listing);
        out.push_back(std::move(answers));
    }
    return out;
}

// Each person's answers in questionnaire order, for --show-respondents.
std::vector<RespondentAnswers> answers_by_respondent(const Questionnaire& q, const std::vector<Answers>& respondents)
{
    std::vector<RespondentAnswers> out;
    for (const auto& r : respondents) {
        RespondentAnswers who{r.id, r.team, {}};
        for (const auto& dim : q.dimensions) {
            for (const auto& question : dim.questions) {
                auto it = r.answers.find(question.id.value);
                if (it != r.answers.end()) {
                    who.answers.emplace_back(question.id.value, it->second);
                }
            }
        }
        out.push_back(std::move(who));
    }
    return out;
}

} // namespace

AssessmentReport assess(const Document& doc, std::span<const Document> documents,
                        std::span<const std::pair<std::string, std::string>> sources, const AssessOptions& options)
{
    const auto& q = std::get<Questionnaire>(doc.spec);
    AssessmentReport report;
    report.questionnaire = doc.metadata.name.value;
    report.title = doc.metadata.title.empty() ? doc.metadata.name.value : doc.metadata.title;
    report.version = q.version;
    report.min_group = options.min_group;

    const auto respondents = respondents_of(doc, documents);
    report.respondents = respondents.size();
    const auto teams = team_sizes(respondents);
    for (const auto& [t, n] : teams) {
        if (n > 0) {
            report.team_counts.emplace_back(t, n);
        }
    }
    double weighted_index = 0;
    double total_weight = 0;
    for (const auto& dim : q.dimensions) {
        auto dr = score_dimension(q, dim, respondents, teams, options, report);
        weighted_index += dim.weight * dr.index;
        total_weight += dim.weight;
        report.dimensions.push_back(std::move(dr));
    }
    place_overall(report, weighted_index, total_weight);
    conclude(report);
    report.inputs = inputs_of(sources, documents, options.show_respondents);
    if (options.show_respondents) {
        report.respondent_answers = answers_by_respondent(q, respondents);
    }
    return report;
}

} // namespace alignkit
