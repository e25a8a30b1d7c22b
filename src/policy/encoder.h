// Translates policies into formulas over one symbolic request (principal, action, resource,
// and for each condition key: presence and value slots), Zelkova style. Policy variables and
// unmodelled constructs are over- or under-approximated on request, and reported.
// Not responsible for solving, nor for deciding what a question's answer is.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "policy/glob_automaton.h"
#include "policy/model.h"
#include "smt/policy_formula.h"
#include "smt/policy_solver.h"
#include "verdict/policy.h"

namespace verdict::policy {

using smt::FormulaRef;

/// A string dimension of the request (the action, the resource) asked over finitely many
/// representatives: the classes into which the patterns of every policy of the question split
/// all strings (glob_automaton.h). The variable is then an Int, the index of a class, and each
/// pattern is the set of classes it matches: no string solver is needed for it.
struct StringDomain {
  std::vector<Glob> globs;
  GlobClasses classes;
  std::map<std::string, std::size_t> glob_of;  ///< glob_key() -> index in `globs`

  /// Classes of the globs (variable-free); nullopt past the automaton's state limit.
  static std::optional<StringDomain> of(const std::vector<Glob>& globs);
  /// "var (a class index) is a class `g` matches"; `g` must be one of `globs`.
  [[nodiscard]] FormulaRef matches(const std::string& var, const Glob& g) const;
  static std::string glob_key(const Glob& g);
  /// The class of a concrete string.
  [[nodiscard]] std::size_t class_of(const std::string& s) const;
};

/// How a condition key is modelled: its value class and how many value slots it has.
struct KeyInfo {
  std::string key;         ///< lower case
  std::string as_written;  ///< first spelling seen, for reports
  ValueClass cls = ValueClass::None;  ///< None: only Null tests it
  bool conflicting = false;  ///< used with operators of incompatible classes (not modelled)
  bool set_valued = false;   ///< used with ForAnyValue/ForAllValues: a set of `slots` values
  unsigned slots = 1;
  /// Set when the key's values are asked over the classes of the String* and Arn* patterns the
  /// policies test it with: each slot is then an Int (a class), not a string. Not for keys that
  /// policy variables read, that other operator types test, or that rule P fixes values of.
  std::optional<StringDomain> domain;
};

/// The request variables shared by every policy of one question.
///
/// Principals are only ever compared with the finitely many values the policies name (exact
/// principals, accounts), so the principal ranges over representatives, one for each way a
/// principal can relate to those values: each named principal, one more principal in each named
/// account, anonymous, the public identity providers, a principal of an unnamed account, and
/// the identity an identity policy is attached to. Every principal string agrees with one of
/// them on every principal test, so questions over representatives are questions over all.
struct Universe {
  std::map<std::string, KeyInfo> keys;
  std::vector<std::string> principals;  ///< representatives; the principal variable indexes them
  /// Set when the action (resource) is asked over classes; else it is a string variable
  /// (a pattern with a policy variable needs the string).
  std::optional<StringDomain> actions, resources;
  /// `extra_accounts`: accounts that need a representative too (the owner's); `extra_principals`:
  /// principals that must be representable (a concrete request's).
  /// `classes` false: actions, resources and condition values stay strings (for questions that
  /// need no solver, the classes would be computed for nothing).
  static Universe of(const std::vector<const Policy*>& policies, const std::vector<std::string>& extra_accounts = {},
                     const std::vector<std::string>& extra_principals = {}, bool classes = true);
  /// "var (the action or the resource) matches `p`", over classes when the dimension has them.
  [[nodiscard]] FormulaRef dimension_matches(const std::string& var, const Pattern& p) const;
  /// The formula "the principal is one of the representatives satisfying `test`".
  [[nodiscard]] FormulaRef principal_where(const std::function<bool(const std::string&)>& test) const;
  [[nodiscard]] int principal_index(const std::string& principal) const;  ///< -1 if not a representative
  /// Widens set-valued keys so that the request's value lists fit in their slots.
  void fit(const PolicyRequest& r);
};

// Variable names of the symbolic request.
inline const char* const kPrincipalVar = "principal";  ///< Int: index of a representative
inline const char* const kActionVar = "action";  ///< lower case: actions match case-insensitively
inline const char* const kResourceVar = "resource";
/// The action's or resource's domain in `u`, if it is asked over classes.
const StringDomain* domain_of(const Universe& u, const std::string& var);
std::string present_var(const std::string& key);
std::string count_var(const std::string& key);
std::string slot_var(const std::string& key, unsigned slot);     ///< String/Real/Int slot
std::string slot_v6_var(const std::string& key, unsigned slot);  ///< Ip slot: is IPv6?

/// Which side an approximation errs on: Upper allows at least what the policy allows,
/// Lower at most.
enum class Approx { Upper, Lower };

struct EncodeOptions {
  Approx approx = Approx::Upper;
  /// When set, statements without a Principal apply only to this principal.
  std::optional<std::string> attached_identity;
  /// Statements without a Principal match no principal (for questions about outsiders only,
  /// who are never the attached identity).
  bool identity_statements_match_nobody = false;
};

struct Encoding {
  FormulaRef allowed;                   ///< OR(allow_cases) and not denied
  std::vector<FormulaRef> allow_cases;  ///< one per Allow statement that can apply
  FormulaRef denied;                    ///< some Deny statement applies
  std::vector<std::string> approximated;  ///< "Sid "X": policy variable ${aws:username}", ...
};

/// "The policy allows the symbolic request".
Encoding encode_allowed(const Policy& policy, const Universe& u, const EncodeOptions& options);

/// Constraints every real request satisfies (value types, set sizes, lower-case action).
FormulaRef well_formed(const Universe& u);
/// The request as equalities on the variables; nullopt if it cannot be represented (a value of
/// the wrong type, more values than slots).
std::optional<FormulaRef> request_equals(const Universe& u, const PolicyRequest& r);
/// Reads a concrete request back from a model.
PolicyRequest request_from_model(const Universe& u, const smt::PolicyModel& m);

/// "var matches the `*`/`?` pattern" (variables read as `*`).
FormulaRef glob_atom(const std::string& var, const Pattern& p, bool ignore_case);
/// A `*`/`?` pattern (without variables) as a regular language.
smt::RegexRef glob_regex(const Pattern& p, bool ignore_case);

}  // namespace verdict::policy
