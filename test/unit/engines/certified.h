// Test helper shared by the proof engines' tests: run an engine on a program and require
// a Safe result whose certificate the independent cvc5 checker accepts.
#pragma once

#include <gtest/gtest.h>

#include "engines/engine.h"
#include "evidence/certificate_check.h"

namespace verdict::engines::test_support {

inline EngineResult run_engine(Engine& engine, const ir::Program& p, double seconds = 20) {
  Options o;
  EngineContext ctx{o, support::Deadline(seconds)};
  return engine.run(p, ctx);
}

inline void expect_certified_safe(const ir::Program& p, const EngineResult& r) {
  ASSERT_EQ(r.status, EngineResult::Status::Safe) << r.reason;
  ASSERT_TRUE(r.certificate.has_value());
  auto check = evidence::check_certificate(p, *r.certificate, support::Deadline(20));
  EXPECT_TRUE(check.valid) << check.message;
}

}  // namespace verdict::engines::test_support
