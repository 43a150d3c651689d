#include "alignkit/assessment/response_import.hpp"

#include "alignkit/util/csv.hpp"
#include "alignkit/util/text.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>

namespace alignkit {
namespace {

// Case, spacing and trailing punctuation do not matter when matching headers and labels.
std::string folded(std::string_view text)
{
    std::string out;
    bool space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c)) != 0) {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    while (!out.empty() && std::string_view(".?!:").find(out.back()) != std::string_view::npos) {
        out.pop_back();
    }
    return out;
}

bool one_of(std::string_view header, std::initializer_list<std::string_view> names)
{
    const auto key = folded(header);
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return key == n; });
}

// A slug from whatever the survey tool put in the respondent column.
std::string respondent_id(std::string_view raw, std::size_t row)
{
    std::string out;
    for (char c : raw) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0) {
            out += static_cast<char>(std::tolower(u));
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    if (out.empty() || std::isalpha(static_cast<unsigned char>(out.front())) == 0) {
        out = "r-" + out;
    }
    out = out.substr(0, 40);
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    return is_slug(out) ? out : fmt::format("row-{}", row);
}

struct Column {
    enum Role { ignored, respondent, team, role, date, answer } kind = ignored;
    const Question* question = nullptr;
};

// What each header column holds: the respondent, their team, role, the date, an answer to a
// question, or nothing to read. nullopt (after saying so) when the respondent or team column
// is missing.
std::optional<std::vector<Column>> map_columns(const CsvRecord& header, const Questionnaire& q, const std::string& file,
                                               Diagnostics& diags)
{
    std::map<std::string, const Question*> by_key;
    std::vector<std::string_view> question_names;
    for (const auto& d : q.dimensions) {
        for (const auto& question : d.questions) {
            by_key[folded(question.id.value)] = &question;
            by_key[folded(question.text)] = &question;
            question_names.push_back(question.id.value);
        }
    }
    std::vector<Column> columns(header.fields.size());
    bool has_respondent = false;
    bool has_team = false;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const auto& h = header.fields[i];
        const Position pos{static_cast<int>(header.line), static_cast<int>(header.columns.at(i))};
        if (one_of(h, {"respondent", "respondent id", "respondent_id", "id", "email", "name"}) && !has_respondent) {
            columns[i].kind = Column::respondent;
            has_respondent = true;
        } else if (one_of(h, {"team", "department"}) && !has_team) {
            columns[i].kind = Column::team;
            has_team = true;
        } else if (one_of(h, {"role", "job title", "title"})) {
            columns[i].kind = Column::role;
        } else if (one_of(h, {"date", "submitted", "submitted at", "timestamp", "start date", "end date"})) {
            columns[i].kind = Column::date;
        } else if (one_of(h, {"comment", "comments", "note", "notes", "ip address", "user agent"})) {
            columns[i].kind = Column::ignored; // survey tools' own columns: nothing to match
        } else if (auto it = by_key.find(folded(h)); it != by_key.end()) {
            columns[i] = {Column::answer, it->second};
        } else {
            diags
                .add(Code::csv_unknown_column, file, pos,
                     fmt::format("column {} ('{}') matches no question, so its answers are not counted", i + 1, h),
                     did_you_mean(h, question_names))
                .length = static_cast<int>(std::max<std::size_t>(1, h.size()));
        }
    }
    if (!has_respondent || !has_team) {
        diags.add(Code::csv_missing_column, file, Position{static_cast<int>(header.line), 1},
                  fmt::format("the header has no {} column", !has_respondent
                                                                 ? "respondent ('respondent', 'id', 'email' or 'name')"
                                                                 : "team ('team' or 'department')"));
        return std::nullopt;
    }
    return columns;
}

// One answer cell: a value on the question's scale (its number or its label), or a skip
// (empty, "skip", "n/a"). nullopt, after saying why, when it is neither.
std::optional<Answer> read_answer(const std::string& cell, const Question& question, const Questionnaire& q,
                                  Position pos, const std::string& file, Diagnostics& diags)
{
    Answer answer;
    answer.question = {question.id.value, pos};
    const auto value = folded(cell);
    if (value.empty() || value == "skip" || value == "n/a") {
        return answer;
    }
    const Scale* scale = nullptr;
    for (const auto& s : q.scales) {
        if (s.id.value == question.scale.value) {
            scale = &s;
        }
    }
    std::vector<std::string> offered;
    bool matched = false;
    for (const auto& o : scale != nullptr ? scale->options : std::vector<ScaleOption>{}) {
        if (value == std::to_string(o.value.value) || value == folded(o.label)) {
            answer.value = Located<int>{o.value.value, pos};
            matched = true;
        }
        offered.push_back(fmt::format("{} ({})", o.value.value, o.label));
    }
    if (!matched) {
        diags
            .add(Code::csv_bad_value, file, pos,
                 fmt::format("'{}' is not an answer on the scale of question '{}'", cell, question.id.value),
                 fmt::format("the scale offers {}; leave the cell empty to skip", fmt::join(offered, ", ")))
            .length = static_cast<int>(std::max<std::size_t>(1, cell.size()));
        return std::nullopt;
    }
    return answer;
}

// One survey row as a Response; problems go to `diags` (the caller leaves the row out).
Response read_response(const CsvRecord& row, std::size_t index, const std::vector<Column>& columns,
                       const Document& questionnaire, const std::string& file, Diagnostics& diags)
{
    const auto& q = std::get<Questionnaire>(questionnaire.spec);
    const Position start{static_cast<int>(row.line), 1};
    Response r;
    r.questionnaire = {questionnaire.metadata.name.value, start};
    r.date = {Date{1970, 1, 1}, start};
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
        const std::string& cell = row.fields[i];
        const Position pos{static_cast<int>(row.line), static_cast<int>(row.columns.at(i))};
        switch (columns[i].kind) {
        case Column::respondent:
            r.respondent.id = {respondent_id(cell, index), pos};
            break;
        case Column::team:
            if (auto team = parse_enum<Team>(folded(cell))) {
                r.respondent.team = *team;
            } else {
                diags
                    .add(Code::csv_bad_value, file, pos, fmt::format("'{}' is not a team", cell),
                         "use " + quoted_list(enum_names<Team>()))
                    .length = static_cast<int>(std::max<std::size_t>(1, cell.size()));
            }
            break;
        case Column::role:
            r.respondent.role = cell;
            break;
        case Column::date:
            if (auto date = parse_date(std::string_view(cell).substr(0, 10))) {
                r.date = {*date, pos};
            }
            break;
        case Column::answer:
            if (auto answer = read_answer(cell, *columns[i].question, q, pos, file, diags)) {
                r.answers.push_back(std::move(*answer));
            }
            break;
        case Column::ignored:
            break;
        }
    }
    return r;
}

} // namespace

std::vector<Document> import_responses_csv(std::string_view text, std::string_view file_name,
                                           const Document& questionnaire, Diagnostics& diags)
{
    const std::string file(file_name);
    const auto& q = std::get<Questionnaire>(questionnaire.spec);
    std::vector<Document> out;
    CsvReader reader(text);
    CsvRecord header;
    if (!reader.next(header)) {
        diags.add(Code::csv_malformed, file, {}, reader.error().empty() ? "the file is empty" : reader.error());
        return out;
    }
    const auto columns = map_columns(header, q, file, diags);
    if (!columns) {
        return out;
    }
    CsvRecord row;
    std::size_t index = 0;
    while (reader.next(row)) {
        ++index;
        if (row.fields.size() == 1 && row.fields[0].empty()) {
            continue; // a blank line
        }
        if (row.fields.size() != header.fields.size()) {
            diags.add(Code::csv_malformed, file, Position{static_cast<int>(row.line), 1},
                      fmt::format("row has {} fields but the header has {}", row.fields.size(), header.fields.size()));
            continue;
        }
        const std::size_t before = diags.count(Severity::error);
        Response r = read_response(row, index, *columns, questionnaire, file, diags);
        if (diags.count(Severity::error) != before) {
            continue; // a row with errors is left out, never half-counted
        }
        Document doc;
        doc.file = file;
        doc.pos = Position{static_cast<int>(row.line), 1};
        doc.kind = Kind::Response;
        doc.metadata.name = {fmt::format("{}-{}", questionnaire.metadata.name.value, r.respondent.id.value), doc.pos};
        doc.spec = std::move(r);
        out.push_back(std::move(doc));
    }
    if (!reader.error().empty()) {
        diags.add(Code::csv_malformed, file, Position{static_cast<int>(row.line), 1}, reader.error());
    }
    return out;
}

} // namespace alignkit
