#include "policy/glob_automaton.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "policy/evaluator.h"
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

// A character no glob names (never an upper-case letter): every unnamed character behaves
// exactly like it. nullopt when every printable character is named.
std::optional<char> other_char(const std::vector<Nfa>& nfas) {
  std::set<char> named;
  for (const auto& n : nfas)
    for (const auto& [tok, c] : n.tokens) {
      if (tok != Nfa::Tok::Char) continue;
      named.insert(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      named.insert(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
  for (char c : std::string("xzqjkvwy0123456789-_.abcdefghilmnoprstu"))
    if (!named.count(c)) return c;
  for (int c = 0x21; c < 0x7f; ++c)
    if (!named.count(static_cast<char>(c)) && !std::isupper(c)) return static_cast<char>(c);
  return std::nullopt;
}

}  // namespace

namespace {

// The classes found so far, each with a few strings of it (literal globs are set aside from
// the products; a class's representative must then be a string that is none of them).
struct Collector {
  GlobClasses out;
  std::map<std::vector<bool>, std::size_t> index;
  std::vector<std::vector<std::string>> samples;
  static constexpr std::size_t kSamples = 8;

  void note(const std::vector<bool>& acc, const std::string& text) {
    auto [it, fresh] = index.emplace(acc, out.representatives.size());
    if (fresh) {
      out.representatives.push_back(text);
      out.matches.push_back(acc);
      samples.emplace_back();
    }
    auto& s = samples[it->second];
    if (s.size() < kSamples) s.push_back(text);
  }
};

// The classes of the globs `members` (indices into `nfas`) by a breadth-first walk of their
// product; adds to `out` each class with the vector over all `total` globs (others false).
// `keep_unmatched`: also add the class that matches none of the members. False when the
// state budget runs out.
bool walk_product(const std::vector<Nfa>& nfas, const std::vector<std::size_t>& members, std::size_t total,
                  bool keep_unmatched, std::size_t& budget, Collector& out) {
  std::vector<Nfa> mine;
  for (auto i : members) mine.push_back(nfas[i]);  // NOLINT(performance-inefficient-vector-operation)
  // The one character no member names: at every state it stands for all the characters that
  // no active position of a live member names (they all lead to the same next state).
  const std::optional<char> other_opt = other_char(mine);
  if (!other_opt) return false;
  const char other = *other_opt;
  std::unordered_map<std::string, bool> seen;
  std::deque<std::pair<Product, std::string>> queue;
  Product start;
  for (auto i : members) start.emplace_back(i, nfas[i].initial());
  seen[key_of(start)] = true;
  queue.emplace_back(std::move(start), "");
  auto note = [&](const Product& state, const std::string& text) {
    std::vector<bool> acc(total, false);
    bool any = false;
    for (const auto& [i, bits] : state) any |= (acc[i] = nfas[i].accepting(bits));
    if (any || keep_unmatched) out.note(acc, text);
  };
  note(queue.front().first, "");
  while (!queue.empty()) {
    auto [state, text] = std::move(queue.front());
    queue.pop_front();
    std::set<char> branch = {other};
    for (const auto& [i, bits] : state)
      for (std::size_t pos = 0; pos < nfas[i].tokens.size(); ++pos)
        if (Nfa::has(bits, pos) && nfas[i].tokens[pos].first == Nfa::Tok::Char) {
          const char c = nfas[i].tokens[pos].second;
          branch.insert(c);
          if (nfas[i].ignore_case && std::isalpha(static_cast<unsigned char>(c))) {
            branch.insert(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
            branch.insert(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
          }
        }
    for (char c : branch) {
      Product next;
      for (const auto& [i, bits] : state) {
        Bits b = nfas[i].step(bits, c);
        if (!Nfa::is_empty(b)) next.emplace_back(i, std::move(b));
      }
      if (next.empty() && !keep_unmatched) continue;  // nothing of the members can match any more
      note(next, text + c);  // every string reached is a sample of its class
      if (!seen.emplace(key_of(next), true).second) continue;
      if (budget == 0) return false;
      --budget;
      queue.emplace_back(std::move(next), text + c);
    }
  }
  return true;
}

// The literal text before the first wildcard (empty for case-insensitive globs: they are
// compared with every other glob).
std::string literal_prefix(const Glob& g) {
  if (g.ignore_case) return "";
  std::string p;
  for (const auto& piece : g.pattern.pieces) {
    if (piece.kind != PatternPiece::Kind::Literal) break;
    p += piece.text;
  }
  return p;
}

bool universal(const Glob& g) {
  if (g.pattern.pieces.empty()) return false;
  for (const auto& piece : g.pattern.pieces)
    if (piece.kind != PatternPiece::Kind::Star) return false;
  return true;
}

std::size_t find_root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

}  // namespace

// The classes of the wildcard globs come from products: globs whose literal prefixes are
// incompatible (neither a prefix of the other) match no common string, so they split into
// components of transitively compatible prefixes, and a string matching some glob of one
// component matches none of the others. The classes are those of each component's product
// (where one of its globs matches) plus, when every glob has a non-empty prefix, the class of
// strings matching none (the empty string's). `*`-only globs match every string and stay out
// of the products. Literal globs stay out too: each literal is a class of its own, and each
// product class keeps a representative that is no literal (or the walk gives up).
namespace {

// How glob_classes treats each glob: `*`-only globs stay out of everything, literals become
// classes of their own, the others ("open") go into products, one per component.
struct Split {
  std::vector<std::size_t> open;
  std::map<std::string, std::vector<std::size_t>> literals;  ///< literal text -> its globs
  std::vector<std::string> prefix;                           ///< literal prefix of each open glob
  std::map<std::size_t, std::vector<std::size_t>> components;
  bool empty_prefix = false;  ///< some open glob has none: one product over all open globs
};

Split split_globs(const std::vector<Glob>& globs) {
  Split s;
  std::vector<std::size_t> parent(globs.size());
  s.prefix.resize(globs.size());
  for (std::size_t i = 0; i < globs.size(); ++i) {
    parent[i] = i;
    if (universal(globs[i])) continue;
    if (auto lit = globs[i].ignore_case ? std::nullopt : globs[i].pattern.literal()) {
      s.literals[*lit].push_back(i);
      continue;
    }
    s.prefix[i] = literal_prefix(globs[i]);
    s.empty_prefix = s.empty_prefix || s.prefix[i].empty();
    s.open.push_back(i);
  }
  for (std::size_t x = 0; x < s.open.size(); ++x)
    for (std::size_t y = x + 1; y < s.open.size(); ++y) {
      const std::string &a = s.prefix[s.open[x]], &b = s.prefix[s.open[y]];
      if (a.compare(0, b.size(), b) == 0 || b.compare(0, a.size(), a) == 0)
        parent[find_root(parent, s.open[x])] = find_root(parent, s.open[y]);
    }
  for (auto i : s.open) s.components[find_root(parent, i)].push_back(i);
  return s;
}

// Strings matching no open glob when each has a literal prefix: the empty one, and repetitions
// of a character no prefix starts with.
void note_unmatched(const Split& s, std::size_t total, Collector& c) {
  std::set<char> first;
  for (auto i : s.open) first.insert(s.prefix[i][0]);
  std::string filler;
  for (char ch : std::string("xzqjkvwy0123456789-_.abcdefghilmnoprstu"))
    if (!first.count(ch)) {
      filler = std::string(1, ch);
      break;
    }
  const std::vector<bool> none(total, false);
  c.note(none, "");
  for (std::size_t n = 1; !filler.empty() && n < Collector::kSamples; ++n) c.note(none, std::string(n, filler[0]));
}

}  // namespace

std::optional<GlobClasses> glob_classes(const std::vector<Glob>& globs, std::size_t max_states) {
  std::vector<Nfa> nfas;
  nfas.reserve(globs.size());
  for (const auto& g : globs) nfas.emplace_back(g);
  const Split split = split_globs(globs);
  Collector c;
  std::size_t budget = max_states;
  if (!split.empty_prefix) note_unmatched(split, globs.size(), c);
  for (const auto& [root, members] : split.components)
    if (!walk_product(nfas, members, globs.size(), split.empty_prefix, budget, c)) return std::nullopt;
  GlobClasses out;
  for (std::size_t k = 0; k < c.samples.size(); ++k) {
    const auto& samples = c.samples[k];
    auto pick = std::find_if(samples.begin(), samples.end(), [&](const std::string& x) { return !split.literals.count(x); });
    if (pick == samples.end()) return std::nullopt;  // could not show the class has a string that is no literal
    out.representatives.push_back(*pick);
    out.matches.push_back(c.out.matches[k]);
  }
  for (const auto& [text, own] : split.literals) {
    std::vector<bool> m(globs.size(), false);
    for (auto i : split.open) m[i] = glob_match(globs[i].pattern, text, globs[i].ignore_case);
    for (auto i : own) m[i] = true;
    out.representatives.push_back(text);
    out.matches.push_back(std::move(m));
  }
  for (std::size_t i = 0; i < globs.size(); ++i)
    if (universal(globs[i]))
      for (auto& m : out.matches) m[i] = true;
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
