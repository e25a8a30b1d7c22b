// Unit tests of the Python frontend: parsing with the embedded CPython (syntax errors as
// Python reports them), the translated program's inputs and properties, constructs outside
// the subset, and concrete runs through the IR interpreter with Python's semantics.
#include "frontend/python/python_frontend.h"

#include <gtest/gtest.h>

#include "temp_source.h"
#include "frontend/python/ast_export.h"
#include "ir/interpreter.h"
#include "ir/validator.h"
#include "verdict/errors.h"

namespace verdict::frontend::python {
namespace {

using ir::PropertyKind;

std::string write_temp(const std::string& code) { return testing::write_temp_source(code, ".py"); }

ir::Program translate(const std::string& code, const std::string& entry = "f") {
  ir::Program p = translate_file(write_temp(code), PythonFrontendOptions{entry, 8});
  EXPECT_TRUE(ir::validate(p).empty());
  return p;
}

std::vector<const ir::Property*> props_of(const ir::Program& p, PropertyKind kind) {
  std::vector<const ir::Property*> out;
  for (const ir::Property& prop : p.props)
    if (prop.kind == kind) out.push_back(&prop);
  return out;
}

/// Runs `p` on integer inputs; the outcome and, if violated, the property's description.
std::pair<ir::Execution::Outcome, std::string> run_on(const ir::Program& p, std::vector<std::int64_t> inputs) {
  std::vector<ir::Value> values;
  for (std::int64_t v : inputs) values.push_back(ir::Value::of_int(v));
  const ir::Execution ex = ir::run(p, values);
  return {ex.outcome, ex.outcome == ir::Execution::Outcome::Violated ? p.props.at(ex.prop).description : ""};
}

TEST(PythonAstExport, ParsesWithCPython) {
  const AstExport tree = export_ast("def f(x):\n    return x // 2\n", "m.py");
  ASSERT_TRUE(tree.ok);
  EXPECT_EQ(tree.module["_type"], "Module");
  EXPECT_EQ(tree.module["body"][0]["_type"], "FunctionDef");
  EXPECT_EQ(tree.module["body"][0]["body"][0]["value"]["op"]["_type"], "FloorDiv");
}

TEST(PythonAstExport, BigIntegersKeepEveryDigit) {
  const AstExport tree = export_ast("x = 123456789012345678901234567890\n", "m.py");
  ASSERT_TRUE(tree.ok);
  EXPECT_EQ(tree.module["body"][0]["value"]["value"]["value"], "123456789012345678901234567890");
}

TEST(PythonAstExport, SyntaxErrorAsPythonReportsIt) {
  const AstExport tree = export_ast("def f(x)\n    return x\n", "m.py");
  EXPECT_FALSE(tree.ok);
  EXPECT_EQ(tree.line, 1u);
  EXPECT_EQ(tree.column, 9u);
  EXPECT_EQ(tree.message, "expected ':'");
}

TEST(PythonFrontend, SyntaxErrorIsAnInputErrorWithItsPosition) {
  const std::string path = write_temp("def f(x):\n    return (x +\n");
  try {
    translate_file(path, {});
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.location().line, 2u);
    EXPECT_NE(std::string(e.what()).find("syntax error"), std::string::npos) << e.what();
  }
}

TEST(PythonFrontend, UnknownEntryAndMissingFileAreInputErrors) {
  EXPECT_THROW(translate("def f(x):\n    return x\n", "g"), InputError);
  EXPECT_THROW(translate_file("/nonexistent/x.py", {}), InputError);
}

TEST(PythonFrontend, EntryOutsideTheSubsetIsUnsupported) {
  EXPECT_THROW(translate("def f(*xs):\n    return 0\n"), Unsupported);
  EXPECT_THROW(translate("def f(x: float):\n    return 0\n"), Unsupported);
  EXPECT_THROW(translate("import functools\n@functools.cache\ndef f(x):\n    return 0\n"), Unsupported);
}

TEST(PythonFrontend, ParametersAreUnboundedIntegerInputs) {
  const ir::Program p = translate("def f(x, flag: bool):\n    return x\n");
  EXPECT_EQ(p.language, "Python");
  int havocs = 0;
  for (const ir::Edge& e : p.edges)
    for (const ir::Stmt& s : e.body)
      if (s.kind == ir::Stmt::Kind::Havoc) {
        ++havocs;
        EXPECT_TRUE(p.vars[s.var].sort.is_int());
      }
  EXPECT_EQ(havocs, 2);
  // a bool parameter is 0 or 1
  EXPECT_EQ(run_on(p, {5, 1}).first, ir::Execution::Outcome::Exited);
  EXPECT_EQ(run_on(p, {5, 2}).first, ir::Execution::Outcome::Blocked);
}

TEST(PythonFrontend, FloorDivisionAndModuloRoundTowardNegativeInfinity) {
  const ir::Program p = translate("def f(a, b):\n    assert a // b == -4 and a % b == 1\n");
  EXPECT_EQ(run_on(p, {-7, 2}).first, ir::Execution::Outcome::Exited);
  EXPECT_EQ(run_on(p, {7, -2}).first, ir::Execution::Outcome::Violated);  // 7 // -2 == -4 but 7 % -2 == -1
  const auto [outcome, what] = run_on(p, {1, 0});
  EXPECT_EQ(outcome, ir::Execution::Outcome::Violated);
  EXPECT_NE(what.find("ZeroDivisionError"), std::string::npos) << what;
}

TEST(PythonFrontend, ExceptionsNameTheirPythonClass) {
  const ir::Program p =
      translate("def f(x):\n    if x < 0:\n        raise ValueError('neg')\n    for i in range(0, 3, x):\n"
                "        pass\n    assert 1 // x >= 0\n");
  std::set<std::string> classes;
  for (const ir::Property& prop : p.props) classes.insert(prop.exception);
  EXPECT_TRUE(classes.count("ValueError"));
  EXPECT_TRUE(classes.count("ZeroDivisionError"));
  EXPECT_TRUE(classes.count("AssertionError"));
  EXPECT_EQ(run_on(p, {-1}).second, "raise ValueError('neg')");
  EXPECT_NE(run_on(p, {0}).second.find("range() arg 3 must not be zero"), std::string::npos);
  EXPECT_EQ(run_on(p, {1}).first, ir::Execution::Outcome::Exited);
}

TEST(PythonFrontend, ShortCircuitAndChainsEvaluateLazily) {
  const ir::Program p = translate("def f(x):\n    y = x != 0 and 10 // x\n    assert not (0 < x < 3) or y != 5\n");
  EXPECT_EQ(run_on(p, {0}).first, ir::Execution::Outcome::Exited);  // y = False: no ZeroDivisionError
  EXPECT_EQ(run_on(p, {3}).first, ir::Execution::Outcome::Exited);  // the chain fails at x < 3
  EXPECT_EQ(run_on(p, {2}).first, ir::Execution::Outcome::Violated);  // 10 // 2 == 5
}

TEST(PythonFrontend, TupleAssignmentReadsBeforeItWrites) {
  const ir::Program p = translate("def f(a, b):\n    x, y = a, b\n    a, b = b, a\n    assert a == y and b == x\n");
  EXPECT_EQ(run_on(p, {3, 4}).first, ir::Execution::Outcome::Exited);
}

TEST(PythonFrontend, RangeWithNegativeStepAndCalls) {
  const ir::Program p = translate(
      "def add(a, b=1):\n    return a + b\n\ndef f(n):\n    s = 0\n    for i in range(n, 0, -2):\n"
      "        s = add(s, b=i)\n    assert s != 12\n");
  EXPECT_EQ(run_on(p, {5}).first, ir::Execution::Outcome::Exited);    // 5 + 3 + 1 = 9
  EXPECT_EQ(run_on(p, {6}).first, ir::Execution::Outcome::Violated);  // 6 + 4 + 2 = 12
}

TEST(PythonFrontend, ConstructsOutsideTheSubsetAreUnsupportedChecksWhereTheyAre) {
  const ir::Program p = translate(
      "def f(x):\n    if x > 0:\n        return [x]\n    if x < -5:\n        return 1.5\n"
      "    return 123456789012345678901234567890\n");
  std::set<std::string> what;
  for (const ir::Property* prop : props_of(p, PropertyKind::Unsupported)) what.insert(prop->description);
  EXPECT_TRUE(what.count("list"));
  EXPECT_TRUE(what.count("float constant"));
  EXPECT_TRUE(what.count("integer constant beyond 64 bits"));
  EXPECT_EQ(run_on(p, {1}).second, "list");
}

TEST(PythonFrontend, MaybeUnassignedReadIsUnsupported) {
  const ir::Program p = translate("def f(x):\n    if x > 0:\n        y = 1\n    return y\n");
  ASSERT_EQ(props_of(p, PropertyKind::Unsupported).size(), 1u);
  EXPECT_NE(props_of(p, PropertyKind::Unsupported)[0]->description.find("UnboundLocalError"), std::string::npos);
}

TEST(PythonFrontend, RecursionIsInlinedToTheBound) {
  const ir::Program p = translate("def down(n):\n    if n > 0:\n        down(n - 1)\n\ndef f(n):\n    down(n)\n");
  EXPECT_EQ(props_of(p, PropertyKind::BoundReached).size(), 1u);
  EXPECT_EQ(run_on(p, {3}).first, ir::Execution::Outcome::Exited);
  EXPECT_EQ(run_on(p, {20}).first, ir::Execution::Outcome::Violated);
}

}  // namespace
}  // namespace verdict::frontend::python
