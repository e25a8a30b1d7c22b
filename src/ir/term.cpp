#include "ir/term.h"

#include <atomic>
#include <mutex>
#include <unordered_map>

#include "ir/op_info.h"
#include "support/invariant.h"

namespace verdict::ir {

using detail::Node;

// ---- the node table (hash-consing) ----
//
// Every live node is in the table, found by its structural hash. Its entry holds a
// weak reference; the node's deleter removes the entry (by identity, so a new equal node
// built while the old one dies keeps its own entry). The table is split into shards,
// each with its own lock, so that the portfolio's threads rarely wait for each other.
// Children of a dying node are released after its entry is gone and outside every lock,
// through a per-thread work list, so destroying a term thousands of levels deep never
// recurses.
namespace {

constexpr std::size_t kShards = 64;

struct Entry {
  const Node* raw;
  std::weak_ptr<const Node> weak;
};

struct Shard {
  std::mutex mutex;
  std::unordered_multimap<std::size_t, Entry> entries;
};

Shard* shards() {
  static Shard* table = new Shard[kShards];  // never destroyed: nodes may outlive statics
  return table;
}

Shard& shard_of(std::size_t hash) { return shards()[(hash >> 7) % kShards]; }

std::atomic<TermId> next_id{1};
std::atomic<std::size_t> live{0};

std::size_t combine(std::size_t seed, std::size_t v) {
  return seed ^ (v + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

std::size_t sort_hash(const Sort& s) {
  std::size_t h = combine(static_cast<std::size_t>(s.kind()), s.width());
  if (s.is_array()) h = combine(combine(h, sort_hash(s.index())), sort_hash(s.element()));
  return h;
}

std::size_t structural_hash(const Node& n) {
  std::size_t h = combine(static_cast<std::size_t>(n.op), sort_hash(n.sort));
  h = combine(h, n.bits);
  h = combine(h, static_cast<std::size_t>(n.ivalue));
  h = combine(h, n.var);
  h = combine(h, (static_cast<std::size_t>(n.p0) << 32) | n.p1);
  for (const Term& a : n.args) h = combine(h, a.hash());
  return h;
}

// Equal children are one node already, so comparing them by identity is enough.
bool same_shallow(const Node& a, const Node& b) {
  if (a.op != b.op || a.bits != b.bits || a.ivalue != b.ivalue || a.var != b.var || a.p0 != b.p0 ||
      a.p1 != b.p1 || a.args.size() != b.args.size() || a.sort != b.sort)
    return false;
  for (std::size_t i = 0; i < a.args.size(); ++i)
    if (!a.args[i].same(b.args[i])) return false;
  return true;
}

thread_local std::vector<Term>* releasing = nullptr;

void destroy(const Node* dying) {
  {
    Shard& shard = shard_of(dying->hash);
    std::lock_guard<std::mutex> lock(shard.mutex);
    auto [lo, hi] = shard.entries.equal_range(dying->hash);
    for (auto it = lo; it != hi; ++it)
      if (it->second.raw == dying) {
        shard.entries.erase(it);
        break;
      }
  }
  live.fetch_sub(1, std::memory_order_relaxed);
  auto* node = const_cast<Node*>(dying);  // allocated non-const by Term::make
  std::vector<Term> children = std::move(node->args);
  delete node;
  if (releasing != nullptr) {  // an outer destroy() on this thread releases them
    for (Term& c : children) releasing->push_back(std::move(c));
    return;
  }
  std::vector<Term> work = std::move(children);
  releasing = &work;
  while (!work.empty()) {
    Term last = std::move(work.back());
    work.pop_back();
  }  // `last` dies here; its children (if it was their last owner) join `work`
  releasing = nullptr;
}

}  // namespace

Term Term::make(Node node) {
  node.hash = structural_hash(node);
  Shard& shard = shard_of(node.hash);
  Term t;
  {
    std::lock_guard<std::mutex> lock(shard.mutex);
    auto [lo, hi] = shard.entries.equal_range(node.hash);
    for (auto it = lo; it != hi; ++it) {
      if (!same_shallow(*it->second.raw, node)) continue;
      if (std::shared_ptr<const Node> existing = it->second.weak.lock()) {
        t.node_ = std::move(existing);
        break;
      }
    }
    if (!t.valid()) {
      node.id = next_id.fetch_add(1, std::memory_order_relaxed);
      auto* fresh = new Node(std::move(node));
      t.node_ = std::shared_ptr<const Node>(fresh, destroy);
      shard.entries.emplace(fresh->hash, Entry{fresh, t.node_});
      live.fetch_add(1, std::memory_order_relaxed);
    }
  }
  return t;  // `node`, if unused, releases its children here, outside the lock
}

std::size_t Term::live_nodes() { return live.load(std::memory_order_relaxed); }

std::uint64_t mask(unsigned width) {
  return width >= 64 ? ~std::uint64_t{0} : ((std::uint64_t{1} << width) - 1);
}

std::int64_t to_signed(std::uint64_t v, unsigned width) {
  v &= mask(width);
  if (width < 64 && (v >> (width - 1)) & 1) v |= ~mask(width);
  return static_cast<std::int64_t>(v);
}

const char* op_name(Op op) { return op_info(op).name; }

namespace {

Term node(Op op, const Sort& sort, std::vector<Term> args, unsigned p0 = 0, unsigned p1 = 0) {
  Node n{op, sort, std::move(args), 0, 0, 0, p0, p1};
  return Term::make(std::move(n));
}

void require_bool(const Term& t, const char* what) {
  VERDICT_INVARIANT(t.valid() && t.sort().is_bool(), std::string(what) + ": operand must be bool");
}

bool sort_fits(Operands rule, const Sort& s) {
  switch (rule) {
    case Operands::Bool: return s.is_bool();
    case Operands::BitVec: return s.is_bv();
    case Operands::Int: return s.is_int();
    case Operands::Numeric: return s.is_bv() || s.is_int();
    case Operands::Any: return true;
    case Operands::None: case Operands::Special: return false;
  }
  return false;
}

const char* sort_rule_text(Operands rule) {
  switch (rule) {
    case Operands::Bool: return "booleans";
    case Operands::BitVec: return "bit-vectors";
    case Operands::Int: return "integers";
    case Operands::Numeric: return "bit-vectors or integers";
    default: return "operands of its own kind";
  }
}

}  // namespace

Term mk_true() { return mk_bool(true); }
Term mk_false() { return mk_bool(false); }

Term mk_bool(bool b) {
  Node n{Op::BoolConst, Sort::boolean(), {}, b ? 1u : 0u, 0, 0, 0, 0};
  return Term::make(std::move(n));
}

Term mk_bv(unsigned width, std::uint64_t value) {
  VERDICT_INVARIANT(width >= 1 && width <= 64, "bit-vector constants have 1..64 bits");
  Node n{Op::BvConst, Sort::bitvec(width), {}, value & mask(width), 0, 0, 0, 0};
  return Term::make(std::move(n));
}

Term mk_int(std::int64_t value) {
  Node n{Op::IntConst, Sort::integer(), {}, 0, value, 0, 0, 0};
  return Term::make(std::move(n));
}

Term mk_var(VarId id, const Sort& sort) {
  Node n{Op::Var, sort, {}, 0, 0, id, 0, 0};
  return Term::make(std::move(n));
}

Term mk_not(const Term& a) {
  require_bool(a, "not");
  if (a.op() == Op::BoolConst) return mk_bool(!a.bool_value());
  if (a.op() == Op::Not) return a.arg(0);
  return node(Op::Not, Sort::boolean(), {a});
}

Term mk_and(const Term& a, const Term& b) {
  require_bool(a, "and");
  require_bool(b, "and");
  if (a.is_false() || b.is_true()) return a;
  if (b.is_false() || a.is_true()) return b;
  if (a.same(b)) return a;
  return node(Op::And, Sort::boolean(), {a, b});
}

Term mk_and(const std::vector<Term>& args) {
  Term r = mk_true();
  for (const Term& t : args) r = mk_and(r, t);
  return r;
}

Term mk_or(const Term& a, const Term& b) {
  require_bool(a, "or");
  require_bool(b, "or");
  if (a.is_true() || b.is_false()) return a;
  if (b.is_true() || a.is_false()) return b;
  if (a.same(b)) return a;
  return node(Op::Or, Sort::boolean(), {a, b});
}

Term mk_or(const std::vector<Term>& args) {
  Term r = mk_false();
  for (const Term& t : args) r = mk_or(r, t);
  return r;
}

Term mk_implies(const Term& a, const Term& b) { return mk_or(mk_not(a), b); }

Term mk_ite(const Term& c, const Term& t, const Term& e) {
  require_bool(c, "ite");
  VERDICT_INVARIANT(t.sort() == e.sort(), "ite: branches must have one sort");
  if (c.is_true()) return t;
  if (c.is_false()) return e;
  if (t.same(e)) return t;
  if (t.sort().is_bool() && t.is_true() && e.is_false()) return c;
  return node(Op::Ite, t.sort(), {c, t, e});
}

Term mk_eq(const Term& a, const Term& b) {
  VERDICT_INVARIANT(a.sort() == b.sort(), "==: operands must have one sort");
  if (a.same(b)) return mk_true();
  if (a.op() == Op::BvConst && b.op() == Op::BvConst) return mk_bool(a.bits() == b.bits());
  if (a.op() == Op::IntConst && b.op() == Op::IntConst) return mk_bool(a.int_value() == b.int_value());
  if (a.op() == Op::BoolConst && b.op() == Op::BoolConst) return mk_bool(a.bits() == b.bits());
  return node(Op::Eq, Sort::boolean(), {a, b});
}

Term mk_binary(Op op, const Term& a, const Term& b) {
  const OpInfo& info = op_info(op);
  VERDICT_INVARIANT(info.arity == 2 && info.notation == Notation::Infix && info.operands != Operands::Bool &&
                        info.operands != Operands::Any,
                    std::string(info.name) + " is not a binary arithmetic, bit-vector or integer operator");
  VERDICT_INVARIANT(a.sort() == b.sort(), std::string(info.name) + ": operands must have one sort, got " +
                                              a.sort().str() + " and " + b.sort().str());
  const Sort& s = a.sort();
  VERDICT_INVARIANT(sort_fits(info.operands, s), std::string(info.name) + " needs " + sort_rule_text(info.operands));
  const bool to_bool = info.result == ResultSort::Bool;
  if (a.op() == Op::BvConst && b.op() == Op::BvConst && info.eval_bv != nullptr) {
    const std::uint64_t v = info.eval_bv(a.bits(), b.bits(), s.width());
    return to_bool ? mk_bool(v != 0) : mk_bv(s.width(), v);
  }
  return node(op, to_bool ? Sort::boolean() : s, {a, b});
}

Term mk_unary(Op op, const Term& a) {
  VERDICT_INVARIANT(op == Op::Neg || op == Op::BvNot, "not a unary operator");
  if (op == Op::BvNot) VERDICT_INVARIANT(a.sort().is_bv(), "~ needs a bit-vector");
  if (a.op() == Op::BvConst) {
    const std::uint64_t v = op == Op::Neg ? (0 - a.bits()) : ~a.bits();
    return mk_bv(a.sort().width(), v);
  }
  return node(op, a.sort(), {a});
}

Term mk_extract(unsigned hi, unsigned lo, const Term& a) {
  VERDICT_INVARIANT(a.sort().is_bv() && hi >= lo && hi < a.sort().width(), "bad extract");
  if (lo == 0 && hi + 1 == a.sort().width()) return a;
  if (a.op() == Op::BvConst) return mk_bv(hi - lo + 1, a.bits() >> lo);
  return node(Op::Extract, Sort::bitvec(hi - lo + 1), {a}, hi, lo);
}

Term mk_zext(unsigned amount, const Term& a) {
  VERDICT_INVARIANT(a.sort().is_bv(), "zext needs a bit-vector");
  if (amount == 0) return a;
  const unsigned w = a.sort().width() + amount;
  if (a.op() == Op::BvConst && w <= 64) return mk_bv(w, a.bits());
  return node(Op::ZeroExt, Sort::bitvec(w), {a}, amount);
}

Term mk_sext(unsigned amount, const Term& a) {
  VERDICT_INVARIANT(a.sort().is_bv(), "sext needs a bit-vector");
  if (amount == 0) return a;
  const unsigned w = a.sort().width() + amount;
  if (a.op() == Op::BvConst && w <= 64)
    return mk_bv(w, static_cast<std::uint64_t>(to_signed(a.bits(), a.sort().width())));
  return node(Op::SignExt, Sort::bitvec(w), {a}, amount);
}

Term mk_concat(const Term& high, const Term& low) {
  VERDICT_INVARIANT(high.sort().is_bv() && low.sort().is_bv(), "concat needs bit-vectors");
  const unsigned w = high.sort().width() + low.sort().width();
  if (high.op() == Op::BvConst && low.op() == Op::BvConst && w <= 64)
    return mk_bv(w, (high.bits() << low.sort().width()) | low.bits());
  return node(Op::Concat, Sort::bitvec(w), {high, low});
}

Term mk_select(const Term& array, const Term& index) {
  VERDICT_INVARIANT(array.sort().is_array() && array.sort().index() == index.sort(), "bad select");
  if (array.op() == Op::ConstArray) return array.arg(0);
  return node(Op::Select, array.sort().element(), {array, index});
}

Term mk_store(const Term& array, const Term& index, const Term& value) {
  VERDICT_INVARIANT(array.sort().is_array() && array.sort().index() == index.sort() &&
                        array.sort().element() == value.sort(),
                    "bad store");
  return node(Op::Store, array.sort(), {array, index, value});
}

Term mk_const_array(const Sort& index, const Term& value) {
  return node(Op::ConstArray, Sort::array(index, value.sort()), {value});
}

Term rebuild(const Term& t, const std::vector<Term>& a) {
  switch (t.op()) {
    case Op::BoolConst: case Op::BvConst: case Op::IntConst: case Op::Var: return t;
    case Op::Not: return mk_not(a[0]);
    case Op::And: return mk_and(a[0], a[1]);
    case Op::Or: return mk_or(a[0], a[1]);
    case Op::Implies: return mk_implies(a[0], a[1]);
    case Op::Ite: return mk_ite(a[0], a[1], a[2]);
    case Op::Eq: return mk_eq(a[0], a[1]);
    case Op::Neg: case Op::BvNot: return mk_unary(t.op(), a[0]);
    case Op::Extract: return mk_extract(t.hi(), t.lo(), a[0]);
    case Op::ZeroExt: return mk_zext(t.ext_amount(), a[0]);
    case Op::SignExt: return mk_sext(t.ext_amount(), a[0]);
    case Op::Concat: return mk_concat(a[0], a[1]);
    case Op::Select: return mk_select(a[0], a[1]);
    case Op::Store: return mk_store(a[0], a[1], a[2]);
    case Op::ConstArray: return mk_const_array(t.sort().index(), a[0]);
    default: return mk_binary(t.op(), a[0], a[1]);
  }
}

std::vector<Term> chain_operands(const Term& t) {
  std::vector<Term> items, stack{t};
  while (!stack.empty()) {
    Term x = stack.back();
    stack.pop_back();
    if (x.op() == t.op()) {
      for (std::size_t i = x.args().size(); i-- > 0;) stack.push_back(x.arg(i));
    } else {
      items.push_back(x);
    }
  }
  return items;
}

Term mk_resize(const Term& a, unsigned width, bool is_signed) {
  const unsigned w = a.sort().width();
  if (width == w) return a;
  if (width < w) return mk_extract(width - 1, 0, a);
  return is_signed ? mk_sext(width - w, a) : mk_zext(width - w, a);
}

}  // namespace verdict::ir
