// A private temporary directory for a replay run (removed with everything in it), and
// reading a whole file back. Not responsible for what is written there.
#pragma once

#include <string>

namespace verdict::evidence {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] bool ok() const { return !path_.empty(); }
  [[nodiscard]] std::string file(const std::string& name) const;

 private:
  /// Directories left by replays whose process was killed (its pid no longer exists).
  static void remove_stale();
  std::string path_;
};

/// The whole content of `path` ("" when it cannot be read).
std::string read_file(const std::string& path);

}  // namespace verdict::evidence
