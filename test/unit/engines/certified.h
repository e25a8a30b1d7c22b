// Test helper shared by the proof engines' tests: run an engine on a program (with the
// driver's candidate check, as `check` runs it) and require a Safe result that the
// driver's vetting accepts: its certificate passes the independent cvc5 checker, and the
// proof then shows the certificate's invariants.
#pragma once

#include <gtest/gtest.h>

#include "driver/evidence_check.h"
#include "engines/engine.h"

namespace verdict::engines::test_support {

inline EngineResult run_engine(Engine& engine, const ir::Program& p, double seconds = 20) {
  Options o;
  EngineContext ctx{o, support::Deadline(seconds), driver::candidate_checker()};
  return engine.run(p, ctx);
}

/// Vets `r` as the driver does (which fills in the proof's items) and expects it accepted.
inline void expect_certified_safe(const ir::Program& p, EngineResult& r) {
  ASSERT_EQ(r.status, EngineResult::Status::Safe) << r.reason;
  ASSERT_TRUE(r.certificate.has_value());
  driver::vet_result(r, "engine under test", p, support::Deadline(20));
  EXPECT_EQ(r.status, EngineResult::Status::Safe) << r.reason;
  ASSERT_TRUE(r.proof.has_value());
  EXPECT_FALSE(r.proof->checked_by.empty());
}

inline void expect_certified_safe(const ir::Program& p, EngineResult&& r) { expect_certified_safe(p, r); }

}  // namespace verdict::engines::test_support
