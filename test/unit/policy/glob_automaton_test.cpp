// Glob automata: containment, intersection, and the classes a set of globs splits strings into,
// checked against the evaluator's matcher on every short string over a small alphabet.
#include <gtest/gtest.h>

#include <functional>

#include "policy/evaluator.h"
#include "policy/glob_automaton.h"

namespace verdict::policy {
namespace {

Glob g(const std::string& text, bool ignore_case = false) {
  return {parse_pattern(text, true, false), ignore_case};
}

TEST(GlobAutomaton, Subset) {
  EXPECT_EQ(glob_subset(g("s3:getobject"), g("s3:get*")), true);
  EXPECT_EQ(glob_subset(g("s3:get*"), g("s3:*")), true);
  EXPECT_EQ(glob_subset(g("s3:*"), g("s3:get*")), false);
  EXPECT_EQ(glob_subset(g("*a?b*"), g("*a*b*")), true);
  EXPECT_EQ(glob_subset(g("*a*b*"), g("*a?b*")), false);  // "ab" has no character between
  EXPECT_EQ(glob_subset(g("*a?b?c*d?e*x?y*"), g("*a?b?c*d?e*")), true);
  EXPECT_EQ(glob_subset(g("??"), g("*?*?*")), true);
  EXPECT_EQ(glob_subset(g("?"), g("*?*?*")), false);
  EXPECT_EQ(glob_subset(g("ABC"), g("abc", true)), true);
  EXPECT_EQ(glob_subset(g("abc", true), g("abc")), false);
}

TEST(GlobAutomaton, Intersect) {
  EXPECT_EQ(glob_intersect(g("s3:get*"), g("*object")), true);
  EXPECT_EQ(glob_intersect(g("s3:get*"), g("ec2:*")), false);
  EXPECT_EQ(glob_intersect(g("a?"), g("?b")), true);
  EXPECT_EQ(glob_intersect(g("a?"), g("???")), false);
  EXPECT_EQ(glob_intersect(g("*"), g("")), true);
}

TEST(GlobAutomaton, ClassesOfLiteralsAndWildcards) {
  const auto c = glob_classes({g("s3:getobject"), g("s3:get*"), g("ec2:*")});
  ASSERT_TRUE(c);
  // classes: getobject (both s3 globs), other s3:get..., ec2:..., anything else
  EXPECT_EQ(c->representatives.size(), 4u);
  for (std::size_t i = 0; i < c->representatives.size(); ++i)
    for (std::size_t j = 0; j < 3; ++j) {
      const Glob gl = j == 0 ? g("s3:getobject") : j == 1 ? g("s3:get*") : g("ec2:*");
      EXPECT_EQ(glob_match(gl.pattern, c->representatives[i], false), static_cast<bool>(c->matches[i][j]));
    }
}

// Every string up to length 5 over {a, b, c, X} falls into a class whose representative
// matches exactly the same globs; and every class is non-empty and distinct.
void expect_exact_classes(const std::vector<Glob>& globs) {
  const auto c = glob_classes(globs);
  ASSERT_TRUE(c);
  auto vector_of = [&](const std::string& s) {
    std::vector<bool> v;
    for (const auto& gl : globs) v.push_back(glob_match(gl.pattern, s, gl.ignore_case));
    return v;
  };
  for (std::size_t i = 0; i < c->representatives.size(); ++i) {
    EXPECT_EQ(vector_of(c->representatives[i]), c->matches[i]) << c->representatives[i];
    for (std::size_t j = 0; j < i; ++j) EXPECT_NE(c->matches[i], c->matches[j]);
  }
  std::size_t strings = 0;
  std::function<void(const std::string&)> walk = [&](const std::string& s) {
    ++strings;
    const auto v = vector_of(s);
    bool found = false;
    for (const auto& m : c->matches) found = found || m == v;
    EXPECT_TRUE(found) << "no class for \"" << s << "\"";
    if (s.size() < 5)
      for (char ch : std::string("abcX")) walk(s + ch);
  };
  walk("");
  EXPECT_EQ(strings, 1365u);
}

TEST(GlobAutomaton, ClassesAreExactOnAllShortStrings) {
  // one product (globs without a literal prefix join every other glob)
  expect_exact_classes({g("a*"), g("*b"), g("?c*"), g("a?b"), g("*ab*c"), g("abc", true), g("")});
  // components by literal prefix ("a..." and "b..." globs never meet), plus a `*`-only glob
  expect_exact_classes({g("a*"), g("ab*c"), g("b?"), g("ba*"), g("c"), g("**"), g("abX")});
  expect_exact_classes({g("*")});
}

TEST(GlobAutomaton, StateLimitGivesUp) {
  // `?` after a star makes the subset construction exponential in the number of `?`s.
  std::vector<Glob> globs = {g("*a????????????"), g("*b????????????")};
  EXPECT_FALSE(glob_classes(globs, 100).has_value());
}

}  // namespace
}  // namespace verdict::policy
