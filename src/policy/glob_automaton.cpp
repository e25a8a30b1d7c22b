#include "policy/glob_automaton.h"

#include <cctype>
#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "support/invariant.h"

namespace verdict::policy {

namespace {

using Bits = std::vector<std::uint64_t>;

// A glob as tokens; NFA state i means "the first i tokens are matched".
struct Nfa {
  enum class Tok { Char, Any, Star };
  std::vector<std::pair<Tok, char>> tokens;
  bool ignore_case = false;

  explicit Nfa(const Glob& g) : ignore_case(g.ignore_case) {
    for (const auto& piece : g.pattern.pieces) {
      switch (piece.kind) {
        case PatternPiece::Kind::Literal:
          for (char c : piece.text) tokens.emplace_back(Tok::Char, c);
          break;
        case PatternPiece::Kind::Question: tokens.emplace_back(Tok::Any, 0); break;
        case PatternPiece::Kind::Star: tokens.emplace_back(Tok::Star, 0); break;
        case PatternPiece::Kind::Variable:
          VERDICT_INVARIANT(false, "glob automata take patterns without policy variables");
      }
    }
  }
  [[nodiscard]] std::size_t states() const { return tokens.size() + 1; }
  [[nodiscard]] Bits empty_set() const { return Bits((states() + 63) / 64, 0); }
  static bool has(const Bits& b, std::size_t i) { return (b[i / 64] >> (i % 64)) & 1u; }
  static void put(Bits& b, std::size_t i) { b[i / 64] |= std::uint64_t{1} << (i % 64); }

  // A `*` may match nothing: whoever stands before a star also stands after it.
  void close(Bits& b) const {
    for (std::size_t i = 0; i < tokens.size(); ++i)
      if (has(b, i) && tokens[i].first == Tok::Star) put(b, i + 1);
  }
  [[nodiscard]] Bits initial() const {
    Bits b = empty_set();
    put(b, 0);
    close(b);
    return b;
  }
  [[nodiscard]] bool char_matches(char want, char got) const {
    if (want == got) return true;
    return ignore_case && std::tolower(static_cast<unsigned char>(want)) == std::tolower(static_cast<unsigned char>(got));
  }
  [[nodiscard]] Bits step(const Bits& from, char c) const {
    Bits to = empty_set();
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (!has(from, i)) continue;
      const auto& [tok, want] = tokens[i];
      if (tok == Tok::Star) put(to, i);
      else if (tok == Tok::Any || char_matches(want, c)) put(to, i + 1);
    }
    close(to);
    return to;
  }
  [[nodiscard]] bool accepting(const Bits& b) const { return has(b, tokens.size()); }
  static bool is_empty(const Bits& b) {
    for (auto w : b)
      if (w) return false;
    return true;
  }
};

// The product state: the state sets of the globs still alive (sorted by glob index).
using Product = std::vector<std::pair<std::size_t, Bits>>;

std::string key_of(const Product& p) {
  std::string k;
  for (const auto& [i, bits] : p) {
    k.append(reinterpret_cast<const char*>(&i), sizeof i);
    k.append(reinterpret_cast<const char*>(bits.data()), bits.size() * sizeof(std::uint64_t));
  }
  return k;
}

std::vector<char> alphabet_of(const std::vector<Nfa>& nfas) {
  std::set<char> named;
  for (const auto& n : nfas)
    for (const auto& [tok, c] : n.tokens) {
      if (tok != Nfa::Tok::Char) continue;
      named.insert(c);
      if (n.ignore_case && std::isalpha(static_cast<unsigned char>(c))) {
        named.insert(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        named.insert(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
      }
    }
  std::vector<char> out(named.begin(), named.end());
  // One character no glob names: every unnamed character behaves exactly like it.
  const std::string preferred = "xzqjkvwy0123456789-_.abcdefghilmnoprstu";
  for (char c : preferred)
    if (!named.count(c)) {
      out.push_back(c);
      return out;
    }
  for (int c = 0x21; c < 0x7f; ++c)
    if (!named.count(static_cast<char>(c)) && !std::isupper(c)) {
      out.push_back(static_cast<char>(c));
      return out;
    }
  return out;  // every printable character is named: there is no "other" character to add
}

}  // namespace

std::optional<GlobClasses> glob_classes(const std::vector<Glob>& globs, std::size_t max_states) {
  std::vector<Nfa> nfas;
  nfas.reserve(globs.size());
  for (const auto& g : globs) nfas.emplace_back(g);
  const std::vector<char> alphabet = alphabet_of(nfas);

  GlobClasses out;
  std::map<std::vector<bool>, std::size_t> class_index;
  std::unordered_map<std::string, bool> seen;
  std::deque<std::pair<Product, std::string>> queue;
  Product start;
  for (std::size_t i = 0; i < nfas.size(); ++i) start.emplace_back(i, nfas[i].initial());
  seen[key_of(start)] = true;
  queue.emplace_back(std::move(start), "");
  while (!queue.empty()) {
    auto [state, text] = std::move(queue.front());
    queue.pop_front();
    std::vector<bool> acc(globs.size(), false);
    for (const auto& [i, bits] : state) acc[i] = nfas[i].accepting(bits);
    if (class_index.emplace(acc, out.representatives.size()).second) {
      out.representatives.push_back(text);
      out.matches.push_back(std::move(acc));
    }
    for (char c : alphabet) {
      Product next;
      for (const auto& [i, bits] : state) {
        Bits b = nfas[i].step(bits, c);
        if (!Nfa::is_empty(b)) next.emplace_back(i, std::move(b));
      }
      if (!seen.emplace(key_of(next), true).second) continue;
      if (seen.size() > max_states) return std::nullopt;
      queue.emplace_back(std::move(next), text + c);
    }
  }
  return out;
}

std::optional<bool> glob_subset(const Glob& a, const Glob& b) {
  const auto classes = glob_classes({a, b});
  if (!classes) return std::nullopt;
  for (const auto& m : classes->matches)
    if (m[0] && !m[1]) return false;
  return true;
}

std::optional<bool> glob_intersect(const Glob& a, const Glob& b) {
  const auto classes = glob_classes({a, b});
  if (!classes) return std::nullopt;
  for (const auto& m : classes->matches)
    if (m[0] && m[1]) return true;
  return false;
}

}  // namespace verdict::policy
