#include "smt/policy_formula.h"

#include <cctype>

namespace verdict::smt {

namespace {
RegexRef make_regex(RegexKind kind, std::vector<RegexRef> kids = {}) {
  auto r = std::make_shared<PolicyRegex>();
  r->kind = kind;
  r->kids = std::move(kids);
  return r;
}

std::shared_ptr<PolicyFormula> make(FormulaKind kind) {
  auto f = std::make_shared<PolicyFormula>();
  f->kind = kind;
  return f;
}
}  // namespace

RegexRef re_literal(const std::string& text) {
  auto r = std::make_shared<PolicyRegex>();
  r->kind = RegexKind::Literal;
  r->text = text;
  return r;
}
RegexRef re_any_char() { return make_regex(RegexKind::AnyChar); }
RegexRef re_any_string() { return make_regex(RegexKind::AnyString); }
RegexRef re_range(unsigned lo, unsigned hi) {
  auto r = std::make_shared<PolicyRegex>();
  r->kind = RegexKind::Range;
  r->lo = lo;
  r->hi = hi;
  return r;
}
RegexRef re_concat(std::vector<RegexRef> parts) {
  if (parts.size() == 1) return parts[0];
  return make_regex(RegexKind::Concat, std::move(parts));
}
RegexRef re_union(std::vector<RegexRef> parts) {
  if (parts.size() == 1) return parts[0];
  return make_regex(RegexKind::Union, std::move(parts));
}
RegexRef re_star(RegexRef r) { return make_regex(RegexKind::Star, {std::move(r)}); }
RegexRef re_loop(RegexRef r, unsigned lo, unsigned hi) {
  auto out = std::make_shared<PolicyRegex>();
  out->kind = RegexKind::Loop;
  out->lo = lo;
  out->hi = hi;
  out->kids = {std::move(r)};
  return out;
}

RegexRef re_literal_ignore_case(const std::string& text) {
  std::vector<RegexRef> parts;
  std::string run;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) {
      if (!run.empty()) parts.push_back(re_literal(run));
      run.clear();
      parts.push_back(re_union({re_literal(std::string(1, static_cast<char>(std::tolower(u)))),
                                re_literal(std::string(1, static_cast<char>(std::toupper(u))))}));
    } else {
      run += c;
    }
  }
  if (!run.empty() || parts.empty()) parts.push_back(re_literal(run));
  return re_concat(std::move(parts));
}

FormulaRef f_true() {
  static const FormulaRef t = make(FormulaKind::True);
  return t;
}
FormulaRef f_false() {
  static const FormulaRef f = make(FormulaKind::False);
  return f;
}
bool is_true(const FormulaRef& f) { return f->kind == FormulaKind::True; }
bool is_false(const FormulaRef& f) { return f->kind == FormulaKind::False; }

FormulaRef f_and(std::vector<FormulaRef> kids) {
  std::vector<FormulaRef> keep;
  for (auto& k : kids) {
    if (is_false(k)) return f_false();
    if (!is_true(k)) keep.push_back(std::move(k));
  }
  if (keep.empty()) return f_true();
  if (keep.size() == 1) return keep[0];
  auto f = make(FormulaKind::And);
  f->kids = std::move(keep);
  return f;
}

FormulaRef f_or(std::vector<FormulaRef> kids) {
  std::vector<FormulaRef> keep;
  for (auto& k : kids) {
    if (is_true(k)) return f_true();
    if (!is_false(k)) keep.push_back(std::move(k));
  }
  if (keep.empty()) return f_false();
  if (keep.size() == 1) return keep[0];
  auto f = make(FormulaKind::Or);
  f->kids = std::move(keep);
  return f;
}

FormulaRef f_not(const FormulaRef& f) {
  if (is_true(f)) return f_false();
  if (is_false(f)) return f_true();
  if (f->kind == FormulaKind::Not) return f->kids[0];
  auto n = make(FormulaKind::Not);
  n->kids = {f};
  return n;
}

FormulaRef f_implies(const FormulaRef& a, const FormulaRef& b) { return f_or({f_not(a), b}); }

FormulaRef f_bool(const std::string& var) {
  auto f = make(FormulaKind::BoolVar);
  f->var = var;
  return f;
}

FormulaRef f_str_eq(const std::string& var, const std::string& value) {
  auto f = make(FormulaKind::StrEq);
  f->var = var;
  f->sort = VarSort::String;
  f->text = value;
  return f;
}

FormulaRef f_in_regex(const std::string& var, RegexRef regex) {
  if (regex->kind == RegexKind::AnyString) return f_true();
  if (regex->kind == RegexKind::Literal) return f_str_eq(var, regex->text);
  auto f = make(FormulaKind::InRegex);
  f->var = var;
  f->sort = VarSort::String;
  f->regex = std::move(regex);
  return f;
}

FormulaRef f_glob(const std::string& var, std::vector<std::string> parts) {
  if (parts.size() == 1) return f_str_eq(var, parts[0]);
  if (parts.size() == 2 && parts[0].empty() && parts[1].empty()) return f_true();
  std::vector<StrTerm> terms;
  for (auto& p : parts) terms.push_back({StrPiece{std::move(p), "", ""}});
  return f_glob_terms(var, std::move(terms));
}

FormulaRef f_glob_terms(const std::string& var, std::vector<StrTerm> parts) {
  auto f = make(FormulaKind::Glob);
  f->var = var;
  f->sort = VarSort::String;
  f->parts = std::move(parts);
  return f;
}

FormulaRef f_compare(const std::string& var, VarSort sort, CmpOp op, const std::string& constant) {
  auto f = make(FormulaKind::Compare);
  f->var = var;
  f->sort = sort;
  f->op = op;
  f->text = constant;
  return f;
}

FormulaRef f_bits_in_range(const std::string& var, const std::array<std::uint8_t, 16>& lo,
                           const std::array<std::uint8_t, 16>& hi) {
  auto f = make(FormulaKind::BitsInRange);
  f->var = var;
  f->sort = VarSort::Bits128;
  f->lo = lo;
  f->hi = hi;
  return f;
}

}  // namespace verdict::smt
