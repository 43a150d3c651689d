#pragma once
// Lifecycle criteria: a small expression language over lead fields, such as
//   fit_score >= 50 and country in ["US", "CA"] and not is_student
// parsed once into a syntax tree that checks, the CSV audit and reports all use (rows are
// evaluated by exports/row_criterion.hpp).
//
// Grammar (keywords are lowercase):
//   expr    := and ("or" and)*
//   and     := unary ("and" unary)*
//   unary   := "not" unary | test
//   test    := operand [ op operand | ["not"] "in" list | "contains" operand
//                      | "is" ["not"] ("set" | "empty") ]
//   operand := number | string | "true" | "false" | date | duration | field | "(" expr ")"
//   op      := "=" | "!=" | "<" | "<=" | ">" | ">="
//   list    := "[" [literal ("," literal)*] "]"
// Strings are double-quoted with \" and \\ escapes; dates are YYYY-MM-DD; durations 90m, 3d.

#include "alignkit/model/duration.hpp"
#include "alignkit/model/enums.hpp"
#include "alignkit/util/date.hpp"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace alignkit::criteria {

using Literal = std::variant<double, std::string, bool, Date, Duration>;

enum class Op { eq, ne, lt, le, gt, ge };
std::string_view to_string(Op op);

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Constant {
    Literal value;
};
struct Field {
    std::string name;
};
struct Compare {
    Op op;
    ExprPtr lhs;
    ExprPtr rhs;
};
struct InList {
    ExprPtr operand;
    std::vector<Literal> items;
    bool negated = false;
};
struct Contains {
    ExprPtr haystack;
    ExprPtr needle;
};
struct Presence {
    ExprPtr operand;
    bool set = true; // "is set" (true) or "is empty" (false)
};
struct Not {
    ExprPtr operand;
};
struct Logical {
    bool is_and = true;
    ExprPtr lhs;
    ExprPtr rhs;
};

struct Expr {
    std::size_t offset = 0; // where the expression starts in the text, in bytes
    std::size_t length = 0;
    std::variant<Constant, Field, Compare, InList, Contains, Presence, Not, Logical> node;
};

// A problem in an expression, at a byte offset of its text.
struct Problem {
    std::size_t offset = 0;
    std::size_t length = 1;
    std::string message;
    std::string hint;
};

// Parses `text`; on a syntax error returns nullptr and describes it in `problem`.
ExprPtr parse(std::string_view text, Problem& problem);

// The type each field has, by name.
using FieldTypes = std::map<std::string, FieldType, std::less<>>;

enum class Check { unknown_field, type_mismatch };
struct TypeProblem {
    Check kind;
    Problem problem;
};

// Every unknown field and every comparison of incompatible types, in text order.
std::vector<TypeProblem> type_check(const Expr& expr, const FieldTypes& fields);

// The names of the fields an expression reads, each once, in name order.
std::set<std::string, std::less<>> fields_used(const Expr& expr);

// The canonical spelling: `fit_score >= 50 and country in ["US", "CA"]`.
std::string to_string(const Expr& expr);

// Plain words for documents people sign: "fit score is at least 50 and country is one of US or CA".
std::string to_words(const Expr& expr);

// The range of values one field may take when an expression holds, read from its
// top-level "and" of simple comparisons with constants; other parts constrain nothing.
struct Range {
    std::optional<double> low, high; // numbers
    bool low_open = false, high_open = false;
    std::optional<std::vector<std::string>> allowed; // texts, from = and in
    std::vector<std::string> excluded;               // texts, from != and not in
    std::optional<bool> boolean;                     // from a bare field, "not field", = true/false
    bool conflict = false;                           // two constraints no value meets (true and false)

    // True when no value satisfies the range.
    bool empty() const;
    // The range of values satisfying both.
    Range intersect(const Range& other) const;
};
std::map<std::string, Range> ranges(const Expr& expr);

} // namespace alignkit::criteria
