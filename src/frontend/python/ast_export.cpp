#include "frontend/python/ast_export.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <mutex>

#include "support/invariant.h"

namespace verdict::frontend::python {

namespace {

// Runs inside the embedded interpreter: ast.parse, then a generic walk to JSON.
constexpr const char* kExporter = R"PY(
import ast, json

def _conv(n):
    if isinstance(n, ast.AST):
        d = {"_type": type(n).__name__}
        for a in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
            v = getattr(n, a, None)
            if v is not None:
                d[a] = v
        for f in n._fields:
            d[f] = _conv(getattr(n, f, None))
        return d
    if isinstance(n, list):
        return [_conv(x) for x in n]
    if n is None or isinstance(n, (bool, str)):
        return n
    if isinstance(n, int):
        return {"_type": "int", "value": str(n)}
    return {"_type": "value:" + type(n).__name__}

def export(source, filename):
    try:
        tree = ast.parse(source, filename)
    except SyntaxError as e:
        return json.dumps({"error": {"line": e.lineno or 0, "col": e.offset or 0, "msg": e.msg}})
    except (ValueError, RecursionError, MemoryError) as e:
        return json.dumps({"error": {"line": 0, "col": 0, "msg": str(e) or type(e).__name__}})
    try:
        return json.dumps({"module": _conv(tree)})
    except RecursionError:
        return json.dumps({"error": {"line": 0, "col": 0, "msg": "the program is nested too deeply"}})
)PY";

/// The embedded interpreter, started once (isolated from the environment: no user site,
/// no PYTHON* variables) and never finalized; the lock is released between calls.
PyObject* exporter() {
  static PyObject* fn = nullptr;
  static std::once_flag once;
  std::call_once(once, [] {
    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    config.install_signal_handlers = 0;
    const PyStatus status = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    VERDICT_INVARIANT(!PyStatus_Exception(status), "the embedded Python interpreter could not start");
    PyObject* globals = PyDict_New();
    PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
    PyObject* r = PyRun_String(kExporter, Py_file_input, globals, globals);
    if (!r) PyErr_Print();
    VERDICT_INVARIANT(r != nullptr, "the embedded AST exporter failed to load");
    Py_DECREF(r);
    fn = PyDict_GetItemString(globals, "export");  // borrowed; globals lives forever
    VERDICT_INVARIANT(fn != nullptr, "the embedded AST exporter has no export()");
    PyEval_SaveThread();
  });
  return fn;
}

std::string call_exporter(const std::string& source, const std::string& filename) {
  PyObject* fn = exporter();
  const PyGILState_STATE gil = PyGILState_Ensure();
  std::string out;
  PyObject* src = PyBytes_FromStringAndSize(source.data(), static_cast<Py_ssize_t>(source.size()));
  PyObject* name = PyUnicode_DecodeFSDefault(filename.c_str());
  PyObject* r = (src && name) ? PyObject_CallFunctionObjArgs(fn, src, name, nullptr) : nullptr;
  if (r && PyUnicode_Check(r)) {
    Py_ssize_t n = 0;
    const char* text = PyUnicode_AsUTF8AndSize(r, &n);
    if (text) out.assign(text, static_cast<std::size_t>(n));
  }
  if (!r || out.empty()) PyErr_Clear();
  Py_XDECREF(r);
  Py_XDECREF(name);
  Py_XDECREF(src);
  PyGILState_Release(gil);
  return out;
}

}  // namespace

AstExport export_ast(const std::string& source, const std::string& filename) {
  AstExport result;
  const std::string text = call_exporter(source, filename);
  if (text.empty()) {
    result.message = "the Python parser failed on this file";
    return result;
  }
  nlohmann::json j = nlohmann::json::parse(text);
  if (j.contains("error")) {
    const nlohmann::json& e = j["error"];
    result.line = e.value("line", 0u);
    result.column = e.value("col", 0u);
    result.message = e.value("msg", std::string("invalid syntax"));
    return result;
  }
  result.ok = true;
  result.module = std::move(j["module"]);
  return result;
}

}  // namespace verdict::frontend::python
