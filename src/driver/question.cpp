#include "driver/question.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <new>

#include "frontend/python/python_frontend.h"
#include "verdict/errors.h"

namespace verdict::driver {

SourceLanguage source_language(const std::string& file) {
  const std::string ext = std::filesystem::path(file).extension().string();
  if (ext == ".py") return SourceLanguage::Python;
  if (ext != ".c" && ext != ".i" && ext != ".h")
    throw InputError("'" + file + "': expected a C file (.c or .i) or a Python file (.py)");
  return SourceLanguage::C;
}

void require_c_file(const std::string& file) {
  if (source_language(file) != SourceLanguage::C) throw InputError("'" + file + "': expected a C file (.c or .i)");
}

ir::Program python_program(const std::string& file, const Options& options) {
  return frontend::python::translate_file(file, frontend::python::PythonFrontendOptions{options.entry,
                                                                                        options.recursion_bound});
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
