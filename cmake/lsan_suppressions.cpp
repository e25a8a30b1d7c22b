// Linked into every executable of a sanitizer build (VERDICT_SANITIZE): LeakSanitizer
// reports allocations that third-party libraries make once and keep until exit by design.
// Leaks in verdict's own code are still reported.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libcln\n"
         "leak:libcvc5\n"
         "leak:libz3\n"
         "leak:libLLVM\n"
         "leak:libclang-cpp\n"
         "leak:libpython\n";  // the embedded Python parser: started once, never finalized
}
