#include "smt/chc_decode.h"

#include <unordered_map>

namespace verdict::smt {

using ir::Op;
using ir::Term;

namespace {

class Decoder {
 public:
  Decoder(const std::vector<Term>& bound, std::string& why) : bound_(bound), why_(why) {}
  std::optional<Term> decode(const z3::expr& e);

 private:
  std::optional<Term> app(const z3::expr& e, const std::vector<Term>& a);
  std::optional<Term> fail(const std::string& what) {
    why_ = what;
    return std::nullopt;
  }
  const std::vector<Term>& bound_;
  std::string& why_;
  std::unordered_map<unsigned, Term> memo_;
};

std::optional<Term> Decoder::decode(const z3::expr& e) {
  const unsigned id = e.id();
  if (auto it = memo_.find(id); it != memo_.end()) return it->second;
  std::optional<Term> r;
  if (e.is_var()) {
    const unsigned i = Z3_get_index_value(e.ctx(), e);
    if (i >= bound_.size()) return fail("unbound variable in an interpretation");
    r = bound_[i];
  } else if (e.is_numeral()) {
    if (e.is_bv()) {
      std::uint64_t v = 0;
      if (e.get_sort().bv_size() > 64 || !e.is_numeral_u64(v)) return fail("wide bit-vector constant");
      r = ir::mk_bv(e.get_sort().bv_size(), v);
    } else if (e.is_int()) {
      std::int64_t v = 0;
      if (!e.is_numeral_i64(v)) return fail("integer constant beyond 64 bits");
      r = ir::mk_int(v);
    } else {
      return fail("numeral of sort " + e.get_sort().to_string());
    }
  } else if (e.is_app()) {
    std::vector<Term> args;
    for (unsigned i = 0; i < e.num_args(); ++i) {
      auto a = decode(e.arg(i));
      if (!a) return std::nullopt;
      args.push_back(*a);
    }
    r = app(e, args);
  } else {
    return fail("quantifier in an interpretation");
  }
  if (r) memo_.emplace(id, *r);
  return r;
}

Term fold(Op op, const std::vector<Term>& a) {
  Term r = a[0];
  for (std::size_t i = 1; i < a.size(); ++i) r = ir::mk_binary(op, r, a[i]);
  return r;
}

std::optional<Term> Decoder::app(const z3::expr& e, const std::vector<Term>& a) {
  const auto swap2 = [&](Op op) { return ir::mk_binary(op, a[1], a[0]); };
  switch (e.decl().decl_kind()) {
    case Z3_OP_TRUE: return ir::mk_true();
    case Z3_OP_FALSE: return ir::mk_false();
    case Z3_OP_AND: return ir::mk_and(a);
    case Z3_OP_OR: return ir::mk_or(a);
    case Z3_OP_NOT: return ir::mk_not(a[0]);
    case Z3_OP_IMPLIES: return ir::mk_implies(a[0], a[1]);
    case Z3_OP_XOR: return ir::mk_not(ir::mk_eq(a[0], a[1]));
    case Z3_OP_IFF:
    case Z3_OP_EQ: return ir::mk_eq(a[0], a[1]);
    case Z3_OP_DISTINCT: {
      std::vector<Term> parts;
      for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t j = i + 1; j < a.size(); ++j) parts.push_back(ir::mk_not(ir::mk_eq(a[i], a[j])));
      return ir::mk_and(parts);
    }
    case Z3_OP_ITE: return ir::mk_ite(a[0], a[1], a[2]);
    case Z3_OP_BADD: case Z3_OP_ADD: return fold(Op::Add, a);
    case Z3_OP_BSUB: case Z3_OP_SUB: return fold(Op::Sub, a);
    case Z3_OP_BMUL: case Z3_OP_MUL: return fold(Op::Mul, a);
    case Z3_OP_BNEG: case Z3_OP_UMINUS: return ir::mk_unary(Op::Neg, a[0]);
    case Z3_OP_BNOT: return ir::mk_unary(Op::BvNot, a[0]);
    case Z3_OP_BAND: return fold(Op::BvAnd, a);
    case Z3_OP_BOR: return fold(Op::BvOr, a);
    case Z3_OP_BXOR: return fold(Op::BvXor, a);
    case Z3_OP_BUDIV: case Z3_OP_BUDIV_I: return ir::mk_binary(Op::UDiv, a[0], a[1]);
    case Z3_OP_BUREM: case Z3_OP_BUREM_I: return ir::mk_binary(Op::URem, a[0], a[1]);
    case Z3_OP_BSDIV: case Z3_OP_BSDIV_I: return ir::mk_binary(Op::SDiv, a[0], a[1]);
    case Z3_OP_BSREM: case Z3_OP_BSREM_I: return ir::mk_binary(Op::SRem, a[0], a[1]);
    case Z3_OP_BSHL: return ir::mk_binary(Op::Shl, a[0], a[1]);
    case Z3_OP_BLSHR: return ir::mk_binary(Op::LShr, a[0], a[1]);
    case Z3_OP_BASHR: return ir::mk_binary(Op::AShr, a[0], a[1]);
    case Z3_OP_ULEQ: return ir::mk_binary(Op::Ule, a[0], a[1]);
    case Z3_OP_SLEQ: return ir::mk_binary(Op::Sle, a[0], a[1]);
    case Z3_OP_UGEQ: return swap2(Op::Ule);
    case Z3_OP_SGEQ: return swap2(Op::Sle);
    case Z3_OP_ULT: return ir::mk_binary(Op::Ult, a[0], a[1]);
    case Z3_OP_SLT: return ir::mk_binary(Op::Slt, a[0], a[1]);
    case Z3_OP_UGT: return swap2(Op::Ult);
    case Z3_OP_SGT: return swap2(Op::Slt);
    case Z3_OP_IDIV: case Z3_OP_MOD:
      // Z3's div and mod are Euclidean: floor division only for a positive divisor.
      if (a[1].op() != Op::IntConst || a[1].int_value() <= 0) return fail("integer division by a non-positive or variable divisor");
      return ir::mk_binary(e.decl().decl_kind() == Z3_OP_IDIV ? Op::IntFloorDiv : Op::IntFloorMod, a[0], a[1]);
    case Z3_OP_LE: return ir::mk_binary(Op::Le, a[0], a[1]);
    case Z3_OP_GE: return swap2(Op::Le);
    case Z3_OP_LT: return ir::mk_binary(Op::Lt, a[0], a[1]);
    case Z3_OP_GT: return swap2(Op::Lt);
    case Z3_OP_EXTRACT: return ir::mk_extract(e.hi(), e.lo(), a[0]);
    case Z3_OP_BIT2BOOL: {  // bit i of a bit-vector, as a boolean
      const unsigned i = Z3_get_decl_int_parameter(e.ctx(), e.decl(), 0);
      return ir::mk_eq(ir::mk_extract(i, i, a[0]), ir::mk_bv(1, 1));
    }
    case Z3_OP_CONCAT: {
      Term r = a[0];
      for (std::size_t i = 1; i < a.size(); ++i) r = ir::mk_concat(r, a[i]);
      return r;
    }
    case Z3_OP_ZERO_EXT: return ir::mk_zext(Z3_get_decl_int_parameter(e.ctx(), e.decl(), 0), a[0]);
    case Z3_OP_SIGN_EXT: return ir::mk_sext(Z3_get_decl_int_parameter(e.ctx(), e.decl(), 0), a[0]);
    case Z3_OP_SELECT: return ir::mk_select(a[0], a[1]);
    case Z3_OP_STORE: return ir::mk_store(a[0], a[1], a[2]);
    default: return fail("operator " + e.decl().name().str());
  }
}

}  // namespace

std::optional<Term> decode_z3(const z3::expr& e, const std::vector<Term>& bound, std::string& why) {
  Decoder d(bound, why);
  return d.decode(e);
}

}  // namespace verdict::smt
