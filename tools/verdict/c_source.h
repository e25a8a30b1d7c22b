// The tokens of a C source file and the few places in it that exchange formats name:
// the keyword of a loop, the start of a statement, the closing parenthesis of a call,
// the first statement of a function, the function around a position. SV-COMP witnesses
// and SARIF locations must point at real tokens; the frontend's positions (from debug
// information) point near them. A light tokenizer (comments, literals and preprocessor
// lines skipped), not a parser: each query answers nullopt when the text around a
// position does not have the expected shape. Not responsible for reading C's meaning.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace verdict::cli {

/// One token: its text and where it starts (line and column from 1, in bytes).
struct CToken {
  std::string text;
  unsigned line = 0;
  unsigned column = 0;
};

class CSource {
 public:
  explicit CSource(const std::string& text);

  [[nodiscard]] const std::vector<CToken>& tokens() const { return tokens_; }

  /// The `while` or `for` keyword of the loop whose keyword is at (line, column) or whose
  /// parenthesised header contains it.
  [[nodiscard]] std::optional<CToken> loop_keyword(unsigned line, unsigned column) const;
  /// The first token of the statement, or of the full expression of a control header
  /// (`if (...)`, `while (...)`, a part of `for (...;...;...)`), that contains the token
  /// at (line, column); labels, `else` and `do` before a statement are skipped.
  [[nodiscard]] std::optional<CToken> statement_start(unsigned line, unsigned column) const;
  /// The `)` that closes the call whose callee name starts at (line, column).
  [[nodiscard]] std::optional<CToken> call_close_paren(unsigned line, unsigned column) const;
  /// The first token of the first statement or declaration in the body of the function
  /// definition `name`; nullopt for an empty body or no such definition.
  [[nodiscard]] std::optional<CToken> first_statement_of(const std::string& name) const;
  /// The name of the function definition whose body contains (line, column).
  [[nodiscard]] std::optional<std::string> function_at(unsigned line, unsigned column) const;

  /// Index of the token that starts at (line, column), or that contains that column.
  [[nodiscard]] std::optional<std::size_t> token_at(unsigned line, unsigned column) const;
  /// Index of the bracket matching the one at `i` (forward for `(`/`{`, backward for `)`/`}`).
  [[nodiscard]] std::optional<std::size_t> matching(std::size_t i) const;

 private:
  struct Function {
    std::string name;
    std::size_t open = 0;   ///< index of the body's `{`
    std::size_t close = 0;  ///< index of its `}`
  };

  [[nodiscard]] bool is(std::size_t i, const char* text) const { return i < tokens_.size() && tokens_[i].text == text; }
  void find_functions();

  std::vector<CToken> tokens_;
  std::vector<Function> functions_;
};

}  // namespace verdict::cli
