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

const char* to_string(PropertyState s) {
  switch (s) {
    case PropertyState::Violated: return "violated";
    case PropertyState::Safe: return "safe";
    case PropertyState::Unreachable: return "unreachable";
    case PropertyState::Unknown: return "unknown";
  }
  return "unknown";
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
