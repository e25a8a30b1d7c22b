// What the two witness validations share: compiling the claimed program text and naming
// claims in reports. Not responsible for either validation's checks.
#pragma once

#include <cstdint>
#include <string>

#include "driver/portfolio.h"
#include "ir/program.h"
#include "verdict/options.h"
#include "verdict/validate.h"

namespace verdict::driver {

/// The claimed program's IR for `options` (C frontend on the instrumented text, calls
/// inlined, properties selected). Throws InputError when the text does not compile.
ir::Program claimed_ir(const ClaimedProgram& claimed, const Options& options);

/// The safety portfolio (bounded model checking, k-induction, Horn clauses) on `program`,
/// its evidence vetted as for `check` (replay, cvc5 certificate check).
PortfolioOutcome search_claimed(const ir::Program& program, const Options& options, const support::Deadline& deadline);

/// The claim numbered `number`, or nullptr.
const WitnessClaim* claim_numbered(const ClaimedProgram& claimed, std::uint32_t number);

/// "loop invariant 'x <= n' at f.c:5:3 (witness w.yml:12:9)".
std::string describe_claim(const WitnessClaim& claim);

}  // namespace verdict::driver
