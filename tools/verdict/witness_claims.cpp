#include "witness_claims.h"

#include <algorithm>
#include <map>
#include <regex>

#include "c_source.h"

namespace verdict::cli {

namespace {

const char* const kClaim = "__VERDICT_witness_claim";

/// One insertion of text before the token at (line, column) — or after it, with `after`.
struct Insertion {
  std::size_t token = 0;
  bool after = false;
  std::string text;
  std::size_t order = 0;  ///< insertions at one point keep the order they were made in
};

/// One line: newlines in a witness's expression would shift the lines after it.
std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  return s;
}

bool is_keyword(const std::string& s) {
  static const char* const words[] = {"if", "while", "for", "switch", "return", "sizeof", "do", "else", "case"};
  return std::any_of(std::begin(words), std::end(words), [&](const char* w) { return s == w; });
}

bool is_identifier(const std::string& s) {
  return !s.empty() && (std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_') && !is_keyword(s);
}

class Placer {
 public:
  Placer(const WitnessDocument& w, const std::string& file, const std::string& source)
      : w_(w), src_(source), text_(source) {
    out_.program.file = file;
  }

  PlacedWitness run() {
    if (w_.kind == WitnessDocument::Kind::Correctness) correctness();
    else violation();
    out_.program.source_text = apply();
    return std::move(out_);
  }

 private:
  const std::vector<CToken>& tok() const { return src_.tokens(); }

  void insert(std::size_t token, bool after, std::string text) {
    insertions_.push_back({token, after, std::move(text), insertions_.size()});
  }

  void unplaced(const SourceLocation& origin, const std::string& why) {
    if (out_.unplaced.empty()) out_.unplaced = origin.str() + ": " + why;
  }

  SourceLocation where(const WitnessPlace& p) const {
    return SourceLocation{out_.program.file, p.line, p.column};
  }

  std::optional<std::size_t> token(const WitnessPlace& p) const { return src_.token_at(p.line, p.column); }

  WitnessClaim claim(WitnessClaim::Kind kind, unsigned number, const std::string& text, const WitnessPlace& p,
                     const SourceLocation& origin) const {
    return WitnessClaim{kind, number, text, where(p), origin};
  }

  /// The token after which a loop's claim goes: the loop keyword at `i`, then its
  /// condition's start; nullopt when the shape is not a loop header.
  std::optional<std::pair<std::size_t, bool>> loop_condition(std::size_t i, bool& empty_condition) const {
    empty_condition = false;
    const std::string& kw = tok()[i].text;
    if (kw == "do") {
      if (i + 1 < tok().size() && tok()[i + 1].text == "{") return std::pair{i + 1, true};
      return std::nullopt;
    }
    if (i + 1 >= tok().size() || tok()[i + 1].text != "(") return std::nullopt;
    if (kw == "while") return std::pair{i + 1, false};
    if (kw != "for") return std::nullopt;
    int depth = 0;
    for (std::size_t j = i + 1; j < tok().size(); ++j) {
      const std::string& t = tok()[j].text;
      if (t == "(") ++depth;
      if (t == ")" && --depth == 0) return std::nullopt;
      if (t == ";" && depth == 1) {
        empty_condition = j + 1 < tok().size() && tok()[j + 1].text == ";";
        return std::pair{j, false};
      }
    }
    return std::nullopt;
  }

  /// The loop keyword the witness's location designates.
  std::optional<std::size_t> loop_keyword(const WitnessPlace& p) const {
    const std::optional<CToken> kw = src_.loop_keyword(p.line, p.column);
    if (kw) return src_.token_at(kw->line, kw->column);
    const std::optional<std::size_t> at = token(p);
    if (at && (tok()[*at].text == "do" || tok()[*at].text == "while" || tok()[*at].text == "for")) return at;
    return std::nullopt;
  }

  void correctness() {
    // Loop invariants of one loop become one claim (their conjunction), numbered once.
    std::map<std::size_t, std::vector<const WitnessInvariant*>> loops;
    unsigned number = 0;
    for (const WitnessInvariant& inv : w_.invariants) {
      if (inv.type == "loop_invariant") {
        const std::optional<std::size_t> kw = loop_keyword(inv.place);
        if (!kw) {
          unplaced(inv.origin, "no loop keyword (while, for, do) at " + where(inv.place).str());
          continue;
        }
        loops[*kw].push_back(&inv);
        continue;
      }
      const std::optional<std::size_t> at = statement_start(inv.place);
      if (!at) {
        unplaced(inv.origin, "no statement starts at " + where(inv.place).str());
        continue;
      }
      ++number;
      insert(*at, false, std::string(kClaim) + "(" + std::to_string(number) + ", (" + one_line(inv.value) + ")); ");
      out_.program.claims.push_back(
          claim(WitnessClaim::Kind::LocationInvariant, number, inv.value, inv.place, inv.origin));
    }
    for (const auto& [kw, invs] : loops) {
      ++number;
      std::string conj;
      for (const WitnessInvariant* inv : invs) {
        conj += (conj.empty() ? "(" : " && (") + one_line(inv->value) + ")";
        out_.program.claims.push_back(
            claim(WitnessClaim::Kind::LoopInvariant, number, inv->value, inv->place, inv->origin));
      }
      bool empty = false;
      const auto cond = loop_condition(kw, empty);
      if (!cond) {
        unplaced(invs.front()->origin, "the loop at " + where(invs.front()->place).str() + " has no condition to hold it");
        continue;
      }
      const std::string call = std::string(kClaim) + "(" + std::to_string(number) + ", " + conj + ")";
      if (cond->second) insert(cond->first, true, " " + call + "; ");         // do { claim; ...
      else insert(cond->first, true, " " + call + (empty ? ", 1" : ", "));  // while (claim, cond)
    }
  }

  /// The statement whose first token is at the place, when a statement can be inserted
  /// before it without changing what the surrounding code means.
  std::optional<std::size_t> statement_start(const WitnessPlace& p) const {
    const std::optional<CToken> start = src_.statement_start(p.line, p.column);
    if (!start) return std::nullopt;
    const std::optional<std::size_t> i = src_.token_at(start->line, start->column);
    if (!i || *i == 0) return std::nullopt;
    const std::string& before = tok()[*i - 1].text;
    if (before == ";" || before == "{" || before == "}" || before == ":") return i;
    return std::nullopt;
  }

  void violation() {
    unsigned number = 0;
    for (const WitnessWaypoint& wp : w_.waypoints) {
      if (wp.action == "avoid") {
        unplaced(wp.origin, "avoid waypoints are not checked");
        continue;
      }
      if (wp.type == "target") {
        target(wp);
        continue;
      }
      ++number;
      if (wp.type == "assumption") assumption(wp, number);
      else if (wp.type == "branching") branching(wp, number);
      else if (wp.type == "function_enter") function_enter(wp, number);
      else if (wp.type == "function_return") function_return(wp, number);
      else unplaced(wp.origin, "unknown waypoint type '" + wp.type + "'");
    }
    if (!out_.target) unplaced(SourceLocation{}, "the violation sequence has no target");
  }

  void add(WitnessClaim::Kind kind, unsigned number, const WitnessWaypoint& wp) {
    out_.program.claims.push_back(claim(kind, number, wp.constraint, wp.place, wp.origin));
  }

  void assumption(const WitnessWaypoint& wp, unsigned number) {
    const std::optional<std::size_t> at = statement_start(wp.place);
    if (!at || wp.format == "acsl_expression") {
      unplaced(wp.origin, at ? "assumptions in ACSL are not read" : "no statement starts at " + where(wp.place).str());
      return;
    }
    insert(*at, false, std::string(kClaim) + "(" + std::to_string(number) + ", (" + one_line(wp.constraint) + ")); ");
    add(WitnessClaim::Kind::Assumption, number, wp);
  }

  void branching(const WitnessWaypoint& wp, unsigned number) {
    const std::optional<std::size_t> at = token(wp.place);
    const std::string c = wp.constraint;
    const bool taken = c == "true" || c == "1";
    if (!at || (!taken && c != "false" && c != "0")) {
      unplaced(wp.origin, "a branching waypoint needs a branch keyword and the constraint true or false");
      return;
    }
    const std::string& kw = tok()[*at].text;
    std::optional<std::size_t> open, close;
    if ((kw == "if" || kw == "while") && *at + 1 < tok().size() && tok()[*at + 1].text == "(") {
      open = *at + 1;
      close = src_.matching(*open);
    } else if (kw == "for") {
      bool empty = false;
      const auto cond = loop_condition(*at, empty);
      if (cond && !empty) {
        open = cond->first;
        for (std::size_t j = *open + 1; j < tok().size() && !close; ++j)
          if (tok()[j].text == ";") close = j;
      }
    }
    if (!open || !close) {
      unplaced(wp.origin, "no if, while or for condition at " + where(wp.place).str());
      return;
    }
    const std::string n = std::to_string(number);
    insert(*open, true, taken ? std::string(kClaim) + "(" + n + ", (" : "!" + std::string(kClaim) + "(" + n + ", !(");
    insert(*close, false, "))");
    add(WitnessClaim::Kind::Branching, number, wp);
  }

  /// The call whose callee name is at or after the place (within its statement): the
  /// callee's token and the call's closing parenthesis.
  std::optional<std::pair<std::size_t, std::size_t>> call_at(std::size_t i) const {
    if (tok()[i].text == ")") {
      const std::optional<std::size_t> open = src_.matching(i);
      if (open && *open > 0 && is_identifier(tok()[*open - 1].text)) return std::pair{*open - 1, i};
      return std::nullopt;
    }
    for (std::size_t j = i; j + 1 < tok().size() && tok()[j].text != ";"; ++j) {
      if (!is_identifier(tok()[j].text) || tok()[j + 1].text != "(") continue;
      const std::optional<std::size_t> close = src_.matching(j + 1);
      if (close) return std::pair{j, *close};
      return std::nullopt;
    }
    return std::nullopt;
  }

  void function_enter(const WitnessWaypoint& wp, unsigned number) {
    const std::optional<std::size_t> at = token(wp.place);
    const auto call = at ? call_at(*at) : std::nullopt;
    if (!call) {
      unplaced(wp.origin, "no call at " + where(wp.place).str());
      return;
    }
    insert(call->first, false, "(" + std::string(kClaim) + "(" + std::to_string(number) + ", 1), ");
    insert(call->second, true, ")");
    add(WitnessClaim::Kind::FunctionEnter, number, wp);
  }

  void function_return(const WitnessWaypoint& wp, unsigned number) {
    const std::optional<std::size_t> at = token(wp.place);
    const auto call = at ? call_at(*at) : std::nullopt;
    std::smatch m;
    const std::regex shape(R"(^\s*\\result\s*(==|!=|<=|>=|<|>)\s*(.+)$)");
    if (!call || !std::regex_match(wp.constraint, m, shape)) {
      unplaced(wp.origin, call ? "a function_return constraint must read \\result <op> <expression>"
                               : "no call at " + where(wp.place).str());
      return;
    }
    const std::string condition = "__verdict_result " + std::string(m[1]) + " (" + one_line(m[2]) + ")";
    insert(call->first, false, "({ __auto_type __verdict_result = ");
    insert(call->second, true,
           "; " + std::string(kClaim) + "(" + std::to_string(number) + ", " + condition + "); __verdict_result; })");
    add(WitnessClaim::Kind::FunctionReturn, number, wp);
  }

  void target(const WitnessWaypoint& wp) {
    const std::optional<CToken> start = src_.statement_start(wp.place.line, wp.place.column);
    const std::optional<std::size_t> i = start ? src_.token_at(start->line, start->column) : std::nullopt;
    if (!i) {
      unplaced(wp.origin, "no statement at the target " + where(wp.place).str());
      return;
    }
    int depth = 0;
    std::size_t j = *i;
    for (; j < tok().size(); ++j) {
      const std::string& t = tok()[j].text;
      if (t == "(") ++depth;
      if (t == ")" && --depth < 0) break;  // the end of a control header's condition
      if (depth == 0 && (t == ";" || t == "{" || t == "}")) break;
    }
    out_.target = WitnessTarget{where(wp.place), j < tok().size() ? tok()[j].line : tok().back().line, wp.origin};
    out_.target->where = SourceLocation{out_.program.file, start->line, start->column};
  }

  /// The source with every insertion, lines unchanged.
  std::string apply() const {
    std::vector<std::size_t> line_start{0};
    for (std::size_t k = 0; k < text_.size(); ++k)
      if (text_[k] == '\n') line_start.push_back(k + 1);
    std::vector<std::pair<std::size_t, const Insertion*>> at;
    for (const Insertion& ins : insertions_) {
      const CToken& t = tok()[ins.token];
      std::size_t offset = line_start.at(t.line - 1) + t.column - 1;
      if (ins.after) offset += t.text.size();
      at.emplace_back(offset, &ins);
    }
    std::stable_sort(at.begin(), at.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string out;
    std::size_t pos = 0;
    for (const auto& [offset, ins] : at) {
      out.append(text_, pos, offset - pos);
      out += ins->text;
      pos = offset;
    }
    out.append(text_, pos, std::string::npos);
    return out;
  }

  const WitnessDocument& w_;
  CSource src_;
  const std::string& text_;
  std::vector<Insertion> insertions_;
  PlacedWitness out_;
};

}  // namespace

PlacedWitness place_claims(const WitnessDocument& witness, const std::string& file, const std::string& source) {
  return Placer(witness, file, source).run();
}

}  // namespace verdict::cli
