// SHA-256 of a file's bytes, as exchange formats name input files (SV-COMP witnesses,
// SARIF artifacts). OpenSSL's libcrypto does the hashing. Not responsible for reading files.
#pragma once

#include <string>

namespace verdict::cli {

/// The SHA-256 digest of `bytes` in lower-case hexadecimal (64 characters).
std::string sha256_hex(const std::string& bytes);

}  // namespace verdict::cli
