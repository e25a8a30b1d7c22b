// Pass (analysis only): how to read each bit-vector variable as a number. Source variables
// keep their C type's signedness; a temporary (no source type) is read as signed when
// what is assigned to it is signed: a copy of a signed variable, arithmetic on one, or a
// call's signed result, propagated to a fixpoint. Any choice is exact (a view, not a
// semantics); matching views keep integer encodings free of conversions and printed
// invariants readable. Not responsible for anything but variables' signedness.
#pragma once

#include "ir/program.h"

namespace verdict::transform {

/// Sets `is_signed` of the temporaries (variables without a source type) as inferred, so
/// that invariants and traces print them as the numbers they hold.
void mark_signed_temporaries(ir::Program& program);

}  // namespace verdict::transform
