#include "driver/question.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <new>

#include "verdict/errors.h"

namespace verdict::driver {

void require_c_file(const std::string& file) {
  const std::string ext = std::filesystem::path(file).extension().string();
  if (ext == ".py")
    throw Unsupported(SourceLocation{file, 0, 0}, "Python programs (the Python frontend is not available yet)");
  if (ext != ".c" && ext != ".i" && ext != ".h")
    throw InputError("'" + file + "': expected a C file (.c or .i)");
}

bool has_bound(const ir::Program& program) {
  return std::any_of(program.props.begin(), program.props.end(),
                     [](const ir::Property& p) { return p.kind == ir::PropertyKind::BoundReached; });
}

double engine_budget_s(double timeout_s) {
  if (timeout_s <= 0) return 0;
  return std::max(timeout_s * 0.5, timeout_s - 2.0);
}

void answer_question(Answer& answer, const std::function<void()>& body) {
  const auto start = std::chrono::steady_clock::now();
  try {
    body();
  } catch (const Unsupported& e) {
    answer.verdict = Verdict::DontKnow;
    answer.reason = std::string("unsupported: ") + e.what();
  } catch (const std::bad_alloc&) {
    answer.verdict = Verdict::DontKnow;
    answer.reason = "out of memory";
  }
  answer.time_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace verdict::driver
