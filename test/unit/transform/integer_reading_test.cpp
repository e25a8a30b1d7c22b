// Unit tests of the integer reading: on C functions over small inputs, every execution
// without undefined behaviour has the same values in the integer reading (exhaustively,
// by the IR interpreter), signed arithmetic does not wrap, unsigned arithmetic does.
#include "transform/integer_reading.h"

#include <gtest/gtest.h>

#include "frontend/c/c_frontend.h"
#include "ir/interpreter.h"
#include "temp_source.h"
#include "transform/signedness.h"

namespace verdict::transform {

namespace {

ir::Program translate(const std::string& code) {
  frontend::c::CFrontendOptions options;
  options.entry = "f";
  ir::Program p = frontend::c::translate_file(testing::write_temp_source(code), options);
  mark_signed_temporaries(p);
  return p;
}

/// The integer a bit-vector value of `var` reads as.
std::int64_t read(const ir::Value& v, const ir::Variable& var) {
  if (var.sort.is_bool()) return v.bits ? 1 : 0;
  return var.is_signed ? ir::to_signed(v.bits, var.sort.width()) : static_cast<std::int64_t>(v.bits);
}

/// The final value of the source variable `name`.
std::int64_t final_value(const ir::Program& p, const ir::Execution& ex, const std::string& name, bool integer) {
  for (ir::VarId v = 0; v < p.vars.size(); ++v)
    if (p.vars[v].source_name == name) return integer ? ex.final_state.at(v).ivalue : read(ex.final_state.at(v), p.vars[v]);
  ADD_FAILURE() << "no variable " << name;
  return 0;
}

}  // namespace

TEST(IntegerReading, AgreesWithCOnEveryExecutionWithoutUndefinedBehaviour) {
  // Casts, promotions, unsigned wrap-around, signed division and remainder by constants.
  const char* code =
      "void f(signed char a, unsigned char b) {\n"
      "  int s, q, r, w; unsigned u, m; signed char c;\n"
      "  s = a * 3 - b; u = b - 7u; m = (unsigned)a + 1u; c = (signed char)(b + 1);\n"
      "  q = s / 4; r = s % 4; w = (a < 0) ? -a : a;\n"
      "  if (u > 200u) w = w + 1;\n"
      "}\n";
  const ir::Program p = translate(code);
  const std::optional<ir::Program> ip = integer_reading(p);
  ASSERT_TRUE(ip.has_value());
  for (int a = -128; a < 128; ++a) {
    for (int b = 0; b < 256; b += 3) {
      const ir::Execution c = ir::run(p, {ir::Value::of_bv(8, static_cast<std::uint8_t>(a)), ir::Value::of_bv(8, b)});
      const ir::Execution i = ir::run(*ip, {ir::Value::of_int(a), ir::Value::of_int(b)});
      ASSERT_EQ(c.outcome, ir::Execution::Outcome::Exited) << a << " " << b << ": " << c.message;
      ASSERT_EQ(i.outcome, ir::Execution::Outcome::Exited) << a << " " << b << ": " << i.message;
      for (const char* name : {"s", "q", "r", "w", "u", "m", "c"})
        ASSERT_EQ(final_value(p, c, name, false), final_value(*ip, i, name, true)) << name << " for a=" << a << " b=" << b;
    }
  }
}

TEST(IntegerReading, SignedArithmeticIsUnboundedAndItsOverflowChecksAreGone) {
  const ir::Program p = translate("void f(int a) { int x = a + 2147483647; }\n");
  const std::optional<ir::Program> ip = integer_reading(p);
  ASSERT_TRUE(ip.has_value());
  EXPECT_EQ(ir::run(p, {ir::Value::of_bv(32, 1)}).outcome, ir::Execution::Outcome::Violated);
  const ir::Execution i = ir::run(*ip, {ir::Value::of_int(1)});
  ASSERT_EQ(i.outcome, ir::Execution::Outcome::Exited) << i.message;
  EXPECT_EQ(final_value(*ip, i, "x", true), 2147483648);
}

TEST(IntegerReading, InputsStayInTheirTypesRange) {
  const ir::Program p = translate("void f(unsigned char a) { int x = a; }\n");
  const std::optional<ir::Program> ip = integer_reading(p);
  ASSERT_TRUE(ip.has_value());
  EXPECT_EQ(ir::run(*ip, {ir::Value::of_int(256)}).outcome, ir::Execution::Outcome::Blocked);
  EXPECT_EQ(ir::run(*ip, {ir::Value::of_int(-1)}).outcome, ir::Execution::Outcome::Blocked);
  EXPECT_EQ(ir::run(*ip, {ir::Value::of_int(255)}).outcome, ir::Execution::Outcome::Exited);
}

TEST(IntegerReading, BitwiseOperationsHaveNone) {
  EXPECT_FALSE(integer_reading(translate("void f(int a) { int x = a & 3; }\n")).has_value());
  EXPECT_FALSE(integer_reading(translate("void f(int a, int b) { int x = a / b; }\n")).has_value());
}

}  // namespace verdict::transform
