#include "transform/integer_reading.h"

#include "transform/integer_terms.h"

namespace verdict::transform {

namespace {

/// `t` as the integer value of a variable (or parameter) `target` of the program.
ir::Term value_for(IntegerTerms& enc, const ir::Term& t, const ir::Variable& target) {
  if (t.sort().is_bool()) return enc.boolean(t);
  if (!t.sort().is_bv()) throw Unencodable{};
  return enc.view(enc.number(t, target.is_signed), target.is_signed).t;
}

}  // namespace

std::optional<ir::Program> integer_reading(const ir::Program& program) {
  ir::Program out = program;
  const SignedView is_signed = [&](ir::VarId v) { return program.vars.at(v).is_signed; };
  try {
    for (ir::Variable& var : out.vars) {
      if (var.sort.is_array()) throw Unencodable{};
      if (var.sort.is_bv()) var.sort = ir::Sort::integer();
    }
    for (ir::Edge& edge : out.edges) {
      std::vector<ir::Stmt> body;
      for (const ir::Stmt& s : edge.body) {
        IntegerTerms enc(is_signed, Wrap::UnsignedOnly);
        ir::Stmt t = s;
        switch (s.kind) {
          case ir::Stmt::Kind::Assign: t.term = value_for(enc, s.term, program.vars.at(s.var)); break;
          case ir::Stmt::Kind::Havoc: {
            body.push_back(t);
            const ir::Variable& var = program.vars.at(s.var);
            if (!var.sort.is_bv()) continue;
            const IntView v{out.var_term(s.var), var.is_signed, var.sort.width()};
            t = ir::Stmt::assume(in_range(v), s.loc);
            break;
          }
          case ir::Stmt::Kind::Assume: t.term = enc.boolean(s.term); break;
          case ir::Stmt::Kind::Check: {
            const ir::PropertyKind kind = program.props.at(s.prop).kind;
            if (kind == ir::PropertyKind::SignedOverflow) continue;
            t.term = enc.boolean(s.term);
            if (ir::property_class(kind) != ir::PropertyClass::Incomplete) t = ir::Stmt::assume(t.term, s.loc);
            break;
          }
          case ir::Stmt::Kind::Call: {
            const ir::Procedure& callee = program.procedures.at(s.callee);
            for (std::size_t i = 0; i < s.args.size(); ++i)
              t.args[i] = value_for(enc, s.args[i], program.vars.at(callee.params.at(i)));
            // A result is copied bit for bit: its integer is the same only where both
            // variables read the bits alike.
            for (std::size_t i = 0; i < s.outs.size(); ++i) {
              const ir::Variable& out = program.vars.at(s.outs[i]);
              const ir::Variable& result = program.vars.at(callee.results.at(i));
              if (!(out.sort == result.sort) || (out.sort.is_bv() && out.is_signed != result.is_signed))
                throw Unencodable{};
            }
            break;
          }
        }
        body.push_back(std::move(t));
      }
      edge.body = std::move(body);
    }
  } catch (const Unencodable&) {
    return std::nullopt;
  }
  return out;
}

}  // namespace verdict::transform
