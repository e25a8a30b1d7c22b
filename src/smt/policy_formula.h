// A small solver-independent formula language for access-policy questions: Boolean structure
// over string variables (equality, regular-language membership), integer/real comparisons and
// 128-bit address ranges. src/policy builds these; policy_solver.cpp alone turns them into Z3.
// Not responsible for policy semantics nor for solving.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace verdict::smt {

// ---- regular languages over strings ----
struct PolicyRegex;
using RegexRef = std::shared_ptr<const PolicyRegex>;

enum class RegexKind { Literal, AnyChar, AnyString, Range, Concat, Union, Star, Loop };

struct PolicyRegex {
  RegexKind kind = RegexKind::Literal;
  std::string text;           ///< Literal
  unsigned lo = 0, hi = 0;    ///< Range: characters; Loop: repetition counts
  std::vector<RegexRef> kids;
};

RegexRef re_literal(const std::string& text);
RegexRef re_any_char();
RegexRef re_any_string();
RegexRef re_range(unsigned lo, unsigned hi);
RegexRef re_concat(std::vector<RegexRef> parts);
RegexRef re_union(std::vector<RegexRef> parts);
RegexRef re_star(RegexRef r);
RegexRef re_loop(RegexRef r, unsigned lo, unsigned hi);
/// The literal with every ASCII letter matching both cases.
RegexRef re_literal_ignore_case(const std::string& text);

// ---- formulas ----
enum class VarSort { Bool, String, Int, Real, Bits128 };
enum class CmpOp { Lt, Le, Eq, Ge, Gt };

/// A piece of a string term: literal `text`, or (when `var` is set) the string variable `var`
/// if Bool `present` holds and else `text` (a fallback value).
struct StrPiece {
  std::string text;
  std::string var;
  std::string present;
};
using StrTerm = std::vector<StrPiece>;  ///< concatenation of pieces

struct PolicyFormula;
using FormulaRef = std::shared_ptr<const PolicyFormula>;

enum class FormulaKind { True, False, And, Or, Not, BoolVar, StrEq, InRegex, Glob, Compare, BitsInRange };

struct PolicyFormula {
  FormulaKind kind = FormulaKind::True;
  std::string var;   ///< the variable (all kinds but True/False/And/Or/Not)
  VarSort sort = VarSort::Bool;
  std::string text;  ///< StrEq: the string; Compare: the constant (decimal text)
  CmpOp op = CmpOp::Eq;
  RegexRef regex;
  std::array<std::uint8_t, 16> lo{}, hi{};  ///< BitsInRange: inclusive, big-endian
  std::vector<StrTerm> parts;  ///< Glob: the terms between `*`s
  std::vector<FormulaRef> kids;
};

FormulaRef f_true();
FormulaRef f_false();
FormulaRef f_and(std::vector<FormulaRef> kids);
FormulaRef f_or(std::vector<FormulaRef> kids);
FormulaRef f_not(const FormulaRef& f);
FormulaRef f_implies(const FormulaRef& a, const FormulaRef& b);
FormulaRef f_bool(const std::string& var);
FormulaRef f_str_eq(const std::string& var, const std::string& value);
FormulaRef f_in_regex(const std::string& var, RegexRef regex);
/// var matches parts[0] * parts[1] * ... * parts[n-1] (`*` = any string; no other wildcard).
/// Decided with prefix/suffix/index-of constraints, which Z3 handles far better than `.*`.
FormulaRef f_glob(const std::string& var, std::vector<std::string> parts);
/// The same with terms that may contain string variables (policy variables).
FormulaRef f_glob_terms(const std::string& var, std::vector<StrTerm> parts);
/// `var op constant`, var of sort Int or Real, constant a decimal literal.
FormulaRef f_compare(const std::string& var, VarSort sort, CmpOp op, const std::string& constant);
FormulaRef f_bits_in_range(const std::string& var, const std::array<std::uint8_t, 16>& lo,
                           const std::array<std::uint8_t, 16>& hi);

bool is_true(const FormulaRef& f);
bool is_false(const FormulaRef& f);

}  // namespace verdict::smt
