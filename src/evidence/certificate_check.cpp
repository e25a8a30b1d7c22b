#include "evidence/certificate_check.h"

#include <map>
#include <optional>
#include <set>

#include "evidence/block_obligations.h"
#include "evidence/cvc5_prove.h"
#include "transform/cutpoint_unrolling.h"
#include "transform/cutpoints.h"
#include "transform/term_rewrite.h"

namespace verdict::evidence {

using ir::Term;

namespace {

class Checker {
 public:
  Checker(const ir::Program& p, const ir::Certificate& c, const support::Deadline& d,
          const CertificateCheckOptions& options)
      : p_(p), cert_(c), deadline_(d), options_(options), sys_(transform::build_cut_point_system(
            p, options.every_loop_location ? transform::CutPointChoice::EveryLoopLocation
                                           : transform::CutPointChoice::LoopHeads)),
        unroll_(p, sys_) {}

  CertificateCheck run();

 private:
  Term inv(ir::LocId l) const {
    auto it = cert_.invariants.find(l);
    return it == cert_.invariants.end() ? ir::mk_true() : it->second;
  }
  std::string loc_name(ir::LocId l) const {
    const ir::Location& loc = p_.locs.at(l);
    std::string s = loc.name;
    if (loc.loc.line > 0) s += " (line " + std::to_string(loc.loc.line) + ")";
    return s;
  }
  bool discharge(const std::string& name, const Term& formula);
  bool well_formed();
  bool one_inductive();
  bool calls();
  std::optional<Term> at_call(const Term& callee_inv, const transform::CallSegment& c) const;
  bool safety_k1();
  bool safety_k();
  /// k = 1 without procedures: the obligations of block_obligations (independent of the
  /// engines' cut-point summaries).
  CertificateCheck run_blocks();

  const ir::Program& p_;
  const ir::Certificate& cert_;
  const support::Deadline& deadline_;
  CertificateCheckOptions options_;
  transform::CutPointSystem sys_;
  transform::CutPointUnrolling unroll_;
  CertificateCheck out_;
};

bool Checker::discharge(const std::string& name, const Term& formula) {
  bool refuted = false;
  if (discharge_obligation(name, formula, deadline_, out_.obligations_checked, out_.message, &refuted)) return true;
  out_.undecided = !refuted;
  return false;
}

bool Checker::well_formed() {
  if (cert_.k < 1) {
    out_.message = "k must be at least 1";
    return false;
  }
  if (cert_.k != 1 && !p_.procedures.empty()) {
    out_.message = "k-inductive certificates are not defined for programs with procedures";
    return false;
  }
  // Summaries relate results to the parameters' entry values: parameters must stay fixed.
  if (auto assigned = ir::assigned_parameter(p_)) {
    out_.message = "parameter " + p_.vars.at(assigned->second).name + " of " +
                   p_.procedures[assigned->first].name + " is assigned";
    return false;
  }
  for (const auto& [loc, t] : cert_.invariants) {
    const bool blocks = cert_.k == 1 && p_.procedures.empty();  // any location can hold one
    if (loc >= p_.locs.size() || (!blocks && !sys_.is_cut[loc])) {
      out_.message = "invariant at location " + std::to_string(loc) + ", which is not a cut point";
      return false;
    }
    if (!t.valid() || !t.sort().is_bool()) {
      out_.message = "invariant at " + loc_name(loc) + " is not a boolean term";
      return false;
    }
    std::set<ir::VarId> vars;
    transform::collect_vars(t, vars);
    for (ir::VarId v : vars) {
      if (v >= p_.vars.size()) {
        out_.message = "invariant at " + loc_name(loc) + " mentions an unknown variable";
        return false;
      }
    }
  }
  return true;
}

bool Checker::one_inductive() {
  // Execution starts at init with every variable arbitrary: the invariant there must be valid.
  if (!discharge("initiation at " + loc_name(p_.init), ir::mk_not(inv(p_.init)))) return false;
  for (const transform::Segment& s : sys_.segments) {
    const Term target = inv(s.to);
    if (target.is_true()) continue;
    const Term next = transform::substitute(target, [&](ir::VarId v) { return s.post.at(v); });
    const std::string name = "consecution " + loc_name(s.from) + " -> " + loc_name(s.to);
    if (!discharge(name, ir::mk_and({inv(s.from), s.guard, ir::mk_not(next)}))) return false;
  }
  return true;
}

/// A callee's invariant instantiated at a call (nullopt if it mentions a variable that
/// has no value there).
std::optional<Term> Checker::at_call(const Term& callee_inv, const transform::CallSegment& c) const {
  bool ok = true;
  Term t = transform::substitute(callee_inv, [&](ir::VarId v) -> Term {
    const Term value = c.at_call(p_, v);
    ok = ok && value.valid();
    return value.valid() ? value : Term();
  });
  if (!ok) return std::nullopt;
  return t;
}

bool Checker::calls() {
  // Partial correctness by induction on the call depth: every call's arguments satisfy
  // the callee's entry invariant, and the callee's exit invariant (its summary) at the
  // call, with the caller's state otherwise unchanged, gives the invariant after it.
  for (const transform::CallSegment& c : sys_.calls) {
    const ir::Procedure& proc = p_.procedures.at(c.callee);
    const std::optional<Term> pre = at_call(inv(proc.entry), c);
    const std::optional<Term> summary = at_call(inv(proc.exit), c);
    if (!pre || !summary) {
      out_.message = "invariant of " + proc.name + " mentions a variable that is not live at its entry or exit";
      return false;
    }
    const std::string where = "call of " + proc.name + " at " + loc_name(c.from);
    if (!discharge("precondition of the " + where, ir::mk_and(inv(c.from), ir::mk_not(*pre)))) return false;
    const Term after = transform::substitute(inv(c.to), [&](ir::VarId v) -> Term {
      for (std::size_t j = 0; j < c.outs.size(); ++j)
        if (c.outs[j] == v) return c.at_call(p_, proc.results[j]);
      return Term();
    });
    if (!discharge("return from the " + where, ir::mk_and({inv(c.from), *summary, ir::mk_not(after)}))) return false;
  }
  return true;
}

bool Checker::safety_k1() {
  // One obligation per cut point: no violation path leaving it is feasible.
  std::map<ir::LocId, std::vector<const transform::ViolationPath*>> by_cut;
  for (const transform::ViolationPath& v : sys_.violations) by_cut[v.from].push_back(&v);
  for (const auto& [from, paths] : by_cut) {
    std::vector<Term> conditions;
    for (const auto* v : paths) conditions.push_back(v->condition);
    const std::string name = paths.size() == 1
                                 ? "safety of '" + p_.props.at(paths[0]->prop).description + "' from " + loc_name(from)
                                 : "safety of " + std::to_string(paths.size()) + " checks from " + loc_name(from);
    if (!discharge(name, ir::mk_and(inv(from), ir::mk_or(conditions)))) return false;
  }
  return true;
}

bool Checker::safety_k() {
  const unsigned k = cert_.k;
  // Base: no violation within the first k - 1 steps from init.
  std::vector<Term> path{unroll_.at(0, p_.init)};
  for (unsigned j = 0; j + 1 < k; ++j) {
    if (!discharge("base case, step " + std::to_string(j), ir::mk_and(ir::mk_and(path), unroll_.violation(j))))
      return false;
    path.push_back(unroll_.transition(j));
    path.push_back(unroll_.pc_valid(j + 1));
  }
  // Step: k invariant-satisfying states, the first k - 1 without violation, then one.
  std::vector<Term> window;
  for (unsigned i = 0; i < k; ++i) {
    window.push_back(unroll_.pc_valid(i));
    window.push_back(unroll_.invariant(i, cert_.invariants));
    if (i + 1 < k) {
      window.push_back(ir::mk_not(unroll_.violation(i)));
      window.push_back(unroll_.transition(i));
    }
  }
  window.push_back(unroll_.violation(k - 1));
  return discharge("induction step (k = " + std::to_string(k) + ")", ir::mk_and(window));
}

CertificateCheck Checker::run_blocks() {
  const bool bounded = cert_.bound > 0;
  if (bounded && !cert_.invariants.empty()) {
    out_.message = "a bounded certificate has no invariants";
    return out_;
  }
  const BlockObligations obligations =
      bounded ? bounded_obligations(p_, cert_.bound) : block_obligations(p_, cert_.invariants);
  if (!obligations.unsupported.empty()) {
    out_.message = "invariant certificates: " + obligations.unsupported;
    return out_;
  }
  const auto failed = [&](const Obligation& o) {
    out_.failed = o;
    return out_;
  };
  for (const Obligation& o : obligations.initiation_and_consecution)
    if (!discharge(o.name, o.formula)) return failed(o);
  if (options_.safety)
    for (const Obligation& o : obligations.safety)
      if (!discharge(o.name, o.formula)) return failed(o);
  out_.valid = true;
  out_.message = bounded ? "the program unrolled edge by edge to " + std::to_string(cert_.bound) + " steps"
                         : "obligations derived block by block from the program, k = 1";
  return out_;
}

CertificateCheck Checker::run() {
  if (!well_formed()) return out_;
  if (cert_.k == 1 && p_.procedures.empty()) return run_blocks();
  if (cert_.bound > 0) {
    out_.message = "bounded certificates are defined for programs without procedures, with k = 1";
    return out_;
  }
  if (!one_inductive() || !calls()) return out_;
  if (options_.safety && !(cert_.k == 1 ? safety_k1() : safety_k())) return out_;
  if (!options_.safety && cert_.k != 1) {
    out_.message = "supporting invariants must be 1-inductive";
    return out_;
  }
  out_.valid = true;
  out_.message = std::to_string(sys_.cut_points.size()) + " cut points, k = " + std::to_string(cert_.k);
  return out_;
}

}  // namespace

CertificateCheck check_certificate(const ir::Program& program, const ir::Certificate& certificate,
                                   const support::Deadline& deadline, const CertificateCheckOptions& options) {
  Checker checker(program, certificate, deadline, options);
  return checker.run();
}

}  // namespace verdict::evidence
