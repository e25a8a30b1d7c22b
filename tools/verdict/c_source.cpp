#include "c_source.h"

#include <cctype>

namespace verdict::cli {

namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool is_identifier(const std::string& s) {
  return !s.empty() && (std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_');
}

/// Splits C text into tokens; comments, preprocessor lines and whitespace are dropped.
class Tokenizer {
 public:
  explicit Tokenizer(const std::string& text) : s_(text) {}

  std::vector<CToken> run() {
    std::vector<CToken> out;
    bool line_start = true;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == '\n') {
        advance(1);
        line_start = true;
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        advance(1);
      } else if (c == '#' && line_start) {
        skip_directive();
      } else if (starts("//")) {
        while (i_ < s_.size() && s_[i_] != '\n') advance(1);
      } else if (starts("/*")) {
        advance(2);
        while (i_ < s_.size() && !starts("*/")) advance(1);
        advance(2);
      } else {
        line_start = false;
        out.push_back(token());
      }
    }
    return out;
  }

 private:
  bool starts(const char* p) const { return s_.compare(i_, std::char_traits<char>::length(p), p) == 0; }

  void advance(std::size_t n) {
    for (; n > 0 && i_ < s_.size(); --n, ++i_) {
      if (s_[i_] == '\n') {
        ++line_;
        column_ = 1;
      } else {
        ++column_;
      }
    }
  }

  void skip_directive() {
    while (i_ < s_.size() && s_[i_] != '\n') advance(s_[i_] == '\\' ? 2 : 1);
  }

  CToken token() {
    CToken t{"", line_, column_};
    const std::size_t begin = i_;
    const char c = s_[i_];
    if (c == '"' || c == '\'') {
      advance(1);
      while (i_ < s_.size() && s_[i_] != c && s_[i_] != '\n') advance(s_[i_] == '\\' ? 2 : 1);
      advance(1);
    } else if (is_word_char(c)) {
      const bool number = std::isdigit(static_cast<unsigned char>(c));
      while (i_ < s_.size() && (is_word_char(s_[i_]) || (number && s_[i_] == '.'))) advance(1);
    } else {
      advance(1);
    }
    t.text = s_.substr(begin, i_ - begin);
    return t;
  }

  const std::string& s_;
  std::size_t i_ = 0;
  unsigned line_ = 1;
  unsigned column_ = 1;
};

bool is_control_keyword(const std::string& s) { return s == "if" || s == "while" || s == "for" || s == "switch"; }

}  // namespace

CSource::CSource(const std::string& text) : tokens_(Tokenizer(text).run()) { find_functions(); }

std::optional<std::size_t> CSource::token_at(unsigned line, unsigned column) const {
  std::optional<std::size_t> after;
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const CToken& t = tokens_[i];
    if (t.line < line) continue;
    if (t.line > line) break;
    if (column >= t.column && column < t.column + t.text.size()) return i;
    if (!after && t.column >= column) after = i;
  }
  return after;
}

std::optional<std::size_t> CSource::matching(std::size_t i) const {
  const std::string& open = tokens_[i].text;
  const bool forward = open == "(" || open == "{";
  const std::string close = open == "(" ? ")" : open == "{" ? "}" : open == ")" ? "(" : "{";
  int depth = 0;
  for (std::size_t j = i; j < tokens_.size(); forward ? ++j : --j) {
    if (tokens_[j].text == open) ++depth;
    if (tokens_[j].text == close && --depth == 0) return j;
    if (!forward && j == 0) break;
  }
  return std::nullopt;
}

void CSource::find_functions() {
  int depth = 0;
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    if (is(i, "}")) --depth;
    if (!is(i, "{")) continue;
    if (depth++ != 0 || i == 0 || !is(i - 1, ")")) continue;
    const std::optional<std::size_t> open_paren = matching(i - 1);
    const std::optional<std::size_t> close = matching(i);
    if (!open_paren || *open_paren == 0 || !close) continue;
    const std::string& name = tokens_[*open_paren - 1].text;
    if (is_identifier(name)) functions_.push_back(Function{name, i, *close});
  }
}

std::optional<CToken> CSource::loop_keyword(unsigned line, unsigned column) const {
  const std::optional<std::size_t> at = token_at(line, column);
  if (!at) return std::nullopt;
  // A `while` that closes a do-while body is not where such a loop's head is.
  auto loop = [&](std::size_t k) -> std::optional<CToken> {
    if (!is(k, "while") && !is(k, "for")) return std::nullopt;
    if (!is(k + 1, "(")) return std::nullopt;
    if (is(k, "while") && k > 0 && is(k - 1, "}")) {
      const std::optional<std::size_t> body = matching(k - 1);
      if (body && *body > 0 && is(*body - 1, "do")) return std::nullopt;
    }
    return tokens_[k];
  };
  if (auto keyword = loop(*at)) return keyword;
  int depth = 0;
  for (std::size_t j = *at; j-- > 0;) {
    const std::string& t = tokens_[j].text;
    if (t == "{" || t == "}") break;
    if (t == ")") ++depth;
    if (t != "(") continue;
    if (depth > 0) {
      --depth;
    } else if (j > 0 && (is(j - 1, "while") || is(j - 1, "for"))) {
      return loop(j - 1);
    }
  }
  return std::nullopt;
}

std::optional<CToken> CSource::statement_start(unsigned line, unsigned column) const {
  const std::optional<std::size_t> at = token_at(line, column);
  if (!at) return std::nullopt;
  std::size_t start = 0;
  for (std::size_t j = *at; j-- > 0;) {
    const std::string& t = tokens_[j].text;
    if (t == ";" || t == "{" || t == "}") {
      start = j + 1;
      break;
    }
    if (t == "(" && j > 0 && is_control_keyword(tokens_[j - 1].text)) {  // a control header's expression
      start = j + 1;
      break;
    }
    if (t == ")") {
      const std::optional<std::size_t> open = matching(j);
      if (!open) return std::nullopt;
      if (*open > 0 && is_control_keyword(tokens_[*open - 1].text)) {  // the statement after a header
        start = j + 1;
        break;
      }
      j = *open;
    }
  }
  // Labels, case labels, `else` and `do` come before the statement itself.
  while (start < *at) {
    if (is_identifier(tokens_[start].text) && is(start + 1, ":") && !is(start, "default")) {
      start += 2;
    } else if (is(start, "default") && is(start + 1, ":")) {
      start += 2;
    } else if (is(start, "case")) {
      while (start < *at && !is(start, ":")) ++start;
      ++start;
    } else if (is(start, "else") || is(start, "do")) {
      ++start;
    } else {
      break;
    }
  }
  if (start > *at) return std::nullopt;
  return tokens_[start];
}

std::optional<CToken> CSource::call_close_paren(unsigned line, unsigned column) const {
  const std::optional<std::size_t> at = token_at(line, column);
  if (!at || !is_identifier(tokens_[*at].text) || !is(*at + 1, "(")) return std::nullopt;
  const std::optional<std::size_t> close = matching(*at + 1);
  if (!close) return std::nullopt;
  return tokens_[*close];
}

std::optional<CToken> CSource::first_statement_of(const std::string& name) const {
  for (const Function& f : functions_)
    if (f.name == name && f.open + 1 < f.close) return tokens_[f.open + 1];
  return std::nullopt;
}

std::optional<std::string> CSource::function_at(unsigned line, unsigned column) const {
  const std::optional<std::size_t> at = token_at(line, column);
  if (!at) return std::nullopt;
  for (const Function& f : functions_)
    if (f.open < *at && *at < f.close) return f.name;
  return std::nullopt;
}

}  // namespace verdict::cli
