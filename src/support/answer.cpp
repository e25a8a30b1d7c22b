#include "verdict/answer.h"

namespace verdict {

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::Yes: return "yes";
    case Verdict::No: return "no";
    case Verdict::DontKnow: return "dont_know";
  }
  return "dont_know";
}

int exit_code(Verdict v) {
  switch (v) {
    case Verdict::Yes: return 0;
    case Verdict::No: return 10;
    case Verdict::DontKnow: return 20;
  }
  return 20;
}

}  // namespace verdict
