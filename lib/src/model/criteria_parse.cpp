// The lexer and recursive-descent parser of lifecycle criteria (grammar in criteria.hpp).

#include "alignkit/model/criteria.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <fmt/format.h>

namespace alignkit::criteria {
namespace {

enum class Tok { end, word, number, text, date, duration, op, lparen, rparen, lbracket, rbracket, comma, bad };

struct Token {
    Tok kind = Tok::end;
    std::size_t offset = 0;
    std::size_t length = 0;
    std::string text; // the word, operator, or the unescaped string
    Literal value{};  // for number, text, date, duration
};

bool is_word_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

class Lexer {
  public:
    explicit Lexer(std::string_view text) : m_text(text) {}

    // Returns false and fills `problem` for a character that starts no token.
    bool next(Token& token, Problem& problem)
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])) != 0) {
            ++m_pos;
        }
        token = Token{};
        token.offset = m_pos;
        if (m_pos == m_text.size()) {
            return true;
        }
        const char c = m_text[m_pos];
        if (is_word_start(c)) {
            std::size_t end = m_pos;
            while (end < m_text.size() && is_word_char(m_text[end])) {
                ++end;
            }
            return finish(token, Tok::word, end);
        }
        if (is_digit(c) || (c == '-' && m_pos + 1 < m_text.size() && is_digit(m_text[m_pos + 1]))) {
            return number_like(token, problem);
        }
        if (c == '"') {
            return string(token, problem);
        }
        for (std::string_view op : {"!=", "<=", ">=", "==", "&&", "||", "=", "<", ">"}) {
            if (m_text.substr(m_pos).starts_with(op)) {
                if (op == "==" || op == "&&" || op == "||") {
                    const std::string_view instead = op == "==" ? "=" : op == "&&" ? "and" : "or";
                    problem = {m_pos, op.size(), fmt::format("unknown operator '{}'", op),
                               fmt::format("write '{}'", instead)};
                    return false;
                }
                return finish(token, Tok::op, m_pos + op.size());
            }
        }
        constexpr std::array<std::pair<char, Tok>, 5> k_punct{
            {{'(', Tok::lparen}, {')', Tok::rparen}, {'[', Tok::lbracket}, {']', Tok::rbracket}, {',', Tok::comma}}};
        for (auto [ch, kind] : k_punct) {
            if (c == ch) {
                return finish(token, kind, m_pos + 1);
            }
        }
        problem = {m_pos, 1, fmt::format("unexpected character '{}'", c),
                   c == '\'' ? "quote text with double quotes: \"like this\"" : std::string{}};
        return false;
    }

  private:
    std::string_view m_text;
    std::size_t m_pos = 0;

    bool finish(Token& token, Tok kind, std::size_t end)
    {
        token.kind = kind;
        token.length = end - m_pos;
        token.text = std::string(m_text.substr(m_pos, end - m_pos));
        m_pos = end;
        return true;
    }

    // A number (50, -3, 2.5), a date (2027-01-31) or a duration (90m, 1h30m, 3d).
    bool number_like(Token& token, Problem& problem)
    {
        std::size_t end = m_pos + 1;
        while (end < m_text.size() && (is_word_char(m_text[end]) || m_text[end] == '.' || m_text[end] == '-')) {
            ++end;
        }
        const std::string_view word = m_text.substr(m_pos, end - m_pos);
        if (auto date = parse_date(word)) {
            token.value = *date;
            return finish(token, Tok::date, end);
        }
        if (auto duration = parse_duration(word)) {
            token.value = *duration;
            return finish(token, Tok::duration, end);
        }
        double number = 0;
        auto [stop, ec] = std::from_chars(word.data(), word.data() + word.size(), number);
        if (ec == std::errc{} && stop == word.data() + word.size() && word.find_first_of("eE") == word.npos) {
            token.value = number;
            return finish(token, Tok::number, end);
        }
        problem = {m_pos, word.size(), fmt::format("'{}' is not a number, a date or a duration", word),
                   "numbers are written 50 or 2.5, dates 2027-01-31, durations 90m or 3d"};
        return false;
    }

    bool string(Token& token, Problem& problem)
    {
        std::string value;
        std::size_t i = m_pos + 1;
        while (i < m_text.size() && m_text[i] != '"') {
            if (m_text[i] == '\\' && i + 1 < m_text.size()) {
                // Only a quote and a backslash are escaped: "C:\temp" losing its backslash
                // would compare with a text no export holds.
                if (m_text[i + 1] != '"' && m_text[i + 1] != '\\') {
                    problem = {i, 2, fmt::format("'\\{}' is not an escape in a text", m_text[i + 1]),
                               "a text escapes only \\\" (a quote) and \\\\ (a backslash): write C:\\\\temp"};
                    return false;
                }
                ++i;
            }
            value += m_text[i++];
        }
        if (i == m_text.size()) {
            problem = {m_pos, m_text.size() - m_pos, "the text is missing its closing '\"'", {}};
            return false;
        }
        token.value = value;
        finish(token, Tok::text, i + 1);
        token.text = std::move(value);
        return true;
    }
};

constexpr std::array<std::string_view, 11> k_keywords{"and", "or",    "not",  "in",    "contains", "is",
                                                      "set", "empty", "true", "false", "null"};

bool is_keyword(std::string_view word)
{
    for (auto k : k_keywords) {
        if (k == word) {
            return true;
        }
    }
    return false;
}

// Nesting deeper than this is refused: it keeps the recursive parser's stack bounded.
constexpr int k_max_depth = 64;
// Conditions joined by 'and' and 'or' build a chain as deep as they are many, and every walk
// of the tree (checks, printing, evaluation, even freeing it) recurses along it: more than
// this are refused, which bounds those walks too. No real lifecycle stage comes near it.
constexpr std::size_t k_max_conditions = 500;

class Parser {
  public:
    Parser(std::string_view text, Problem& problem) : m_lexer(text), m_problem(problem) {}

    ExprPtr parse()
    {
        if (!advance()) {
            return nullptr;
        }
        if (m_token.kind == Tok::end) {
            return fail(m_token, "the criteria are empty", "write a condition such as fit_score >= 50");
        }
        auto expr = parse_or(0);
        if (expr && m_token.kind != Tok::end) {
            return fail(m_token, fmt::format("unexpected '{}' after a complete condition", m_token.text),
                        "join conditions with 'and' or 'or'");
        }
        return expr;
    }

  private:
    Lexer m_lexer;
    Problem& m_problem;
    Token m_token;

    bool advance() { return m_lexer.next(m_token, m_problem); }

    ExprPtr fail(const Token& at, std::string message, std::string hint = {})
    {
        m_problem = {at.offset, std::max<std::size_t>(1, at.length), std::move(message), std::move(hint)};
        return nullptr;
    }

    bool at_word(std::string_view word) const { return m_token.kind == Tok::word && m_token.text == word; }

    std::size_t m_conditions = 1;

    // One more condition joined by 'and' or 'or' (the token that joins it is current).
    bool count_condition()
    {
        if (++m_conditions <= k_max_conditions) {
            return true;
        }
        fail(m_token, fmt::format("the criteria join more than {} conditions", k_max_conditions),
             "split them between stages, or test one field against a list: country in [\"US\", \"CA\"]");
        return false;
    }

    static ExprPtr make(std::size_t begin, std::size_t end, auto node)
    {
        auto expr = std::make_unique<Expr>();
        expr->offset = begin;
        expr->length = end - begin;
        expr->node = std::move(node);
        return expr;
    }

    ExprPtr parse_or(int depth)
    {
        auto lhs = parse_and(depth);
        while (lhs && at_word("or")) {
            if (!count_condition() || !advance()) {
                return nullptr;
            }
            auto rhs = parse_and(depth);
            if (!rhs) {
                return nullptr;
            }
            const std::size_t begin = lhs->offset;
            const std::size_t end = rhs->offset + rhs->length;
            lhs = make(begin, end, Logical{false, std::move(lhs), std::move(rhs)});
        }
        return lhs;
    }

    ExprPtr parse_and(int depth)
    {
        auto lhs = parse_unary(depth);
        while (lhs && at_word("and")) {
            if (!count_condition() || !advance()) {
                return nullptr;
            }
            auto rhs = parse_unary(depth);
            if (!rhs) {
                return nullptr;
            }
            const std::size_t begin = lhs->offset;
            const std::size_t end = rhs->offset + rhs->length;
            lhs = make(begin, end, Logical{true, std::move(lhs), std::move(rhs)});
        }
        return lhs;
    }

    ExprPtr parse_unary(int depth)
    {
        if (depth > k_max_depth) {
            return fail(m_token, "the criteria nest too deeply");
        }
        if (at_word("not")) {
            const std::size_t begin = m_token.offset;
            if (!advance()) {
                return nullptr;
            }
            auto operand = parse_unary(depth + 1);
            if (!operand) {
                return nullptr;
            }
            const std::size_t end = operand->offset + operand->length;
            return make(begin, end, Not{std::move(operand)});
        }
        return parse_test(depth);
    }

    ExprPtr parse_test(int depth)
    {
        auto operand = parse_operand(depth);
        if (!operand) {
            return nullptr;
        }
        const std::size_t begin = operand->offset;
        if (m_token.kind == Tok::op) {
            const Op op = m_token.text == "="    ? Op::eq
                          : m_token.text == "!=" ? Op::ne
                          : m_token.text == "<"  ? Op::lt
                          : m_token.text == "<=" ? Op::le
                          : m_token.text == ">"  ? Op::gt
                                                 : Op::ge;
            if (!advance()) {
                return nullptr;
            }
            auto rhs = parse_operand(depth);
            if (!rhs) {
                return nullptr;
            }
            const std::size_t end = rhs->offset + rhs->length;
            return make(begin, end, Compare{op, std::move(operand), std::move(rhs)});
        }
        bool negated = false;
        if (at_word("not")) {
            // Only "not in" may follow an operand.
            Token not_token = m_token;
            if (!advance()) {
                return nullptr;
            }
            if (!at_word("in")) {
                return fail(not_token, "'not' here must be followed by 'in'",
                            "write 'not' before a condition: not is_student");
            }
            negated = true;
        }
        if (at_word("in")) {
            return parse_list(std::move(operand), negated);
        }
        if (at_word("contains")) {
            if (!advance()) {
                return nullptr;
            }
            auto needle = parse_operand(depth);
            if (!needle) {
                return nullptr;
            }
            const std::size_t end = needle->offset + needle->length;
            return make(begin, end, Contains{std::move(operand), std::move(needle)});
        }
        if (at_word("is")) {
            if (!advance()) {
                return nullptr;
            }
            bool set = true;
            if (at_word("not")) {
                set = false;
                if (!advance()) {
                    return nullptr;
                }
            }
            if (!at_word("set") && !at_word("empty")) {
                return fail(m_token, "expected 'set' or 'empty' after 'is'",
                            "write 'email is set' or 'email is empty'");
            }
            if (at_word("empty")) {
                set = !set;
            }
            const std::size_t end = m_token.offset + m_token.length;
            if (!advance()) {
                return nullptr;
            }
            return make(begin, end, Presence{std::move(operand), set});
        }
        return operand;
    }

    ExprPtr parse_list(ExprPtr operand, bool negated)
    {
        const std::size_t begin = operand->offset;
        if (!advance()) {
            return nullptr;
        }
        if (m_token.kind != Tok::lbracket) {
            return fail(m_token, "expected '[' to start the list after 'in'", "write country in [\"US\", \"CA\"]");
        }
        std::vector<Literal> items;
        if (!advance()) {
            return nullptr;
        }
        while (m_token.kind != Tok::rbracket) {
            if (m_token.kind == Tok::word && (m_token.text == "true" || m_token.text == "false")) {
                m_token.value = m_token.text == "true";
            } else if (m_token.kind != Tok::number && m_token.kind != Tok::text && m_token.kind != Tok::date &&
                       m_token.kind != Tok::duration) {
                return fail(
                    m_token,
                    m_token.kind == Tok::end ? "the list is missing its closing ']'"
                                             : fmt::format("expected a value in the list, found '{}'", m_token.text),
                    m_token.kind == Tok::word ? "quote text with double quotes: [\"US\", \"CA\"]" : std::string{});
            }
            items.push_back(m_token.value);
            if (!advance()) {
                return nullptr;
            }
            if (m_token.kind == Tok::comma) {
                if (!advance()) {
                    return nullptr;
                }
            } else if (m_token.kind != Tok::rbracket) {
                return fail(m_token, "expected ',' or ']' in the list");
            }
        }
        const std::size_t end = m_token.offset + 1;
        if (!advance()) {
            return nullptr;
        }
        return make(begin, end, InList{std::move(operand), std::move(items), negated});
    }

    ExprPtr parse_operand(int depth)
    {
        const Token token = m_token;
        switch (token.kind) {
        case Tok::number:
        case Tok::text:
        case Tok::date:
        case Tok::duration:
            if (!advance()) {
                return nullptr;
            }
            return make(token.offset, token.offset + token.length, Constant{token.value});
        case Tok::lparen: {
            if (!advance()) {
                return nullptr;
            }
            auto inner = parse_or(depth + 1);
            if (!inner) {
                return nullptr;
            }
            if (m_token.kind != Tok::rparen) {
                return fail(m_token, fmt::format("expected ')' to close the '(' at column {}", token.offset + 1));
            }
            inner->offset = token.offset;
            inner->length = m_token.offset + 1 - token.offset;
            if (!advance()) {
                return nullptr;
            }
            return inner;
        }
        case Tok::word:
            if (token.text == "true" || token.text == "false") {
                if (!advance()) {
                    return nullptr;
                }
                return make(token.offset, token.offset + token.length, Constant{token.text == "true"});
            }
            if (!is_keyword(token.text)) {
                if (!advance()) {
                    return nullptr;
                }
                return make(token.offset, token.offset + token.length, Field{token.text});
            }
            return fail(token, fmt::format("expected a field or a value, found '{}'", token.text));
        case Tok::end:
            return fail(token, "the condition is incomplete: expected a field or a value at the end");
        default:
            return fail(token, fmt::format("expected a field or a value, found '{}'", token.text));
        }
    }
};

} // namespace

std::string_view to_string(Op op)
{
    constexpr std::array<std::string_view, 6> k_ops{"=", "!=", "<", "<=", ">", ">="};
    return k_ops.at(static_cast<std::size_t>(op));
}

ExprPtr parse(std::string_view text, Problem& problem) { return Parser(text, problem).parse(); }

} // namespace alignkit::criteria
