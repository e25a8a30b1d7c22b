// Bit-vector terms as terms over mathematical integers: every bit-vector value becomes
// the integer its C type reads (signed or unsigned, by the variable's or operator's
// signedness), and every operator is encoded with a chosen treatment of wrap-around.
// Shared by the integer Horn encoding (engines/chc: Spacer's linear integer arithmetic)
// and the integer reading of a program (transform/integer_reading: termination over
// unbounded integers). Operators without an encoding here (bitwise, shifts, division by
// a variable, arrays) throw Unencodable. Not responsible for solving or for deciding
// where an encoding may be trusted.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

#include "ir/term.h"

namespace verdict::transform {

/// Whether variable `v` is read as a signed number.
using SignedView = std::function<bool(ir::VarId)>;

/// Thrown for a term without an integer encoding.
struct Unencodable {};

/// How arithmetic (+, -, negation, *) treats results outside the type's range.
enum class Wrap {
  /// Wrap-around explicit: the integer term equals the bit-vector's value, always.
  Exact,
  /// Mathematical, no wrap-around (results outside the range are kept); each result's
  /// range condition is collected in `no_wrap`: where they all hold, the value is exact.
  None,
  /// Signed arithmetic mathematical (unbounded, no condition collected: C executions
  /// without signed overflow read exactly, and so do unbounded integers); unsigned
  /// arithmetic wraps exactly, as C defines it.
  UnsignedOnly,
};

/// An integer term and how it reads its bit-vector: signed or unsigned, of `width` bits.
struct IntView {
  ir::Term t;
  bool is_signed = false;
  unsigned width = 0;
};

/// lo <= v.t <= hi for the range of v's type (no condition for 64-bit signed values).
ir::Term in_range(const IntView& v);

/// Translates the terms of one formula (one clause, one statement); memoised.
class IntegerTerms {
 public:
  IntegerTerms(SignedView is_signed, Wrap wrap) : is_signed_(std::move(is_signed)), wrap_(wrap) {}

  /// A boolean term (comparisons of bit-vectors become integer comparisons).
  ir::Term boolean(const ir::Term& t);
  /// A bit-vector term as a number, read signed where the term does not say otherwise
  /// and `prefer_signed` is set.
  IntView number(const ir::Term& t, bool prefer_signed);
  /// `v` read signed or unsigned (exactly for values within its type's range).
  [[nodiscard]] IntView view(const IntView& v, bool is_signed) const;

  /// Bit-vector variables met, with their widths.
  std::set<std::pair<ir::VarId, unsigned>> vars;
  /// For Wrap::None: that each arithmetic result stays in its type's range.
  std::vector<ir::Term> no_wrap;

 private:
  ir::Term boolean_uncached(const ir::Term& t);
  IntView number_uncached(const ir::Term& t, bool prefer_signed);
  IntView arith(const ir::Term& t, bool prefer_signed);
  IntView result(const ir::Term& r, bool is_signed, unsigned w);
  ir::Term compare(const ir::Term& t);
  [[nodiscard]] bool wraps(bool is_signed) const {
    return wrap_ == Wrap::Exact || (wrap_ == Wrap::UnsignedOnly && !is_signed);
  }

  SignedView is_signed_;
  Wrap wrap_;
  unsigned depth_ = 0;
  std::unordered_map<ir::TermId, ir::Term> bool_memo_;
  std::map<std::pair<ir::TermId, bool>, IntView> num_memo_;
};

}  // namespace verdict::transform
