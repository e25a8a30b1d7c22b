#include "policy/model.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace verdict::policy {

std::string to_lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// ---- patterns ----

bool Pattern::has_wildcard() const {
  for (const auto& p : pieces)
    if (p.kind == PatternPiece::Kind::Star || p.kind == PatternPiece::Kind::Question) return true;
  return false;
}

bool Pattern::has_variable() const {
  for (const auto& p : pieces)
    if (p.kind == PatternPiece::Kind::Variable) return true;
  return false;
}

std::optional<std::string> Pattern::literal() const {
  std::string out;
  for (const auto& p : pieces) {
    if (p.kind != PatternPiece::Kind::Literal) return std::nullopt;
    out += p.text;
  }
  return out;
}

namespace {

void add_literal(std::vector<PatternPiece>& pieces, const std::string& text) {
  if (!pieces.empty() && pieces.back().kind == PatternPiece::Kind::Literal)
    pieces.back().text += text;
  else
    pieces.push_back({PatternPiece::Kind::Literal, text, std::nullopt});
}

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

// `${...}` body: "*", "?", "$" are escapes; "key" or "key, 'default'" a variable.
PatternPiece variable_piece(const std::string& body) {
  if (body == "*" || body == "?" || body == "$")
    return {PatternPiece::Kind::Literal, body, std::nullopt};
  PatternPiece piece{PatternPiece::Kind::Variable, "", std::nullopt};
  const auto comma = body.find(',');
  piece.text = to_lower(trim(body.substr(0, comma)));
  if (comma != std::string::npos) {
    std::string def = trim(body.substr(comma + 1));
    if (def.size() >= 2 && def.front() == '\'' && def.back() == '\'') def = def.substr(1, def.size() - 2);
    piece.fallback = def;
  }
  return piece;
}

}  // namespace

Pattern parse_pattern(const std::string& text, bool wildcards, bool variables) {
  Pattern p;
  p.raw = text;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (variables && c == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      const auto close = text.find('}', i + 2);
      if (close != std::string::npos) {
        PatternPiece piece = variable_piece(text.substr(i + 2, close - i - 2));
        if (piece.kind == PatternPiece::Kind::Literal)
          add_literal(p.pieces, piece.text);
        else
          p.pieces.push_back(piece);
        i = close;
        continue;
      }
    }
    if (wildcards && c == '*')
      p.pieces.push_back({PatternPiece::Kind::Star, "", std::nullopt});
    else if (wildcards && c == '?')
      p.pieces.push_back({PatternPiece::Kind::Question, "", std::nullopt});
    else
      add_literal(p.pieces, std::string(1, c));
  }
  return p;
}

// ---- IP addresses ----

namespace {

std::optional<IpAddress> parse_ipv4(const std::string& s) {
  IpAddress a;
  unsigned part = 0;
  std::size_t i = 0;
  while (part < 4) {
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    unsigned v = 0, digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      v = v * 10 + static_cast<unsigned>(s[i++] - '0');
      if (++digits > 3 || v > 255) return std::nullopt;
    }
    a.bytes[12 + part] = static_cast<std::uint8_t>(v);
    ++part;
    if (part < 4) {
      if (i >= s.size() || s[i] != '.') return std::nullopt;
      ++i;
    }
  }
  if (i != s.size()) return std::nullopt;
  return a;
}

std::optional<std::vector<unsigned>> parse_hex_groups(const std::string& s) {
  std::vector<unsigned> groups;
  if (s.empty()) return groups;
  std::size_t i = 0;
  while (true) {
    unsigned v = 0, digits = 0;
    while (i < s.size() && std::isxdigit(static_cast<unsigned char>(s[i]))) {
      v = v * 16 + static_cast<unsigned>(std::stoi(std::string(1, s[i++]), nullptr, 16));
      if (++digits > 4) return std::nullopt;
    }
    if (digits == 0) return std::nullopt;
    groups.push_back(v);
    if (i == s.size()) return groups;
    if (s[i] != ':') return std::nullopt;
    ++i;
  }
}

std::optional<IpAddress> parse_ipv6(const std::string& s) {
  const auto dbl = s.find("::");
  std::vector<unsigned> head, tail;
  if (dbl == std::string::npos) {
    auto g = parse_hex_groups(s);
    if (!g || g->size() != 8) return std::nullopt;
    head = *g;
  } else {
    auto h = parse_hex_groups(s.substr(0, dbl));
    auto t = parse_hex_groups(s.substr(dbl + 2));
    if (!h || !t || h->size() + t->size() > 7) return std::nullopt;
    head = *h;
    tail = *t;
  }
  IpAddress a;
  a.v6 = true;
  std::vector<unsigned> all = head;
  all.resize(8 - tail.size(), 0);
  all.insert(all.end(), tail.begin(), tail.end());
  for (int g = 0; g < 8; ++g) {
    a.bytes[2 * g] = static_cast<std::uint8_t>(all[g] >> 8);
    a.bytes[2 * g + 1] = static_cast<std::uint8_t>(all[g] & 0xff);
  }
  return a;
}

}  // namespace

std::optional<IpAddress> parse_ip(const std::string& text) {
  const std::string s = trim(text);
  if (s.find(':') != std::string::npos) return parse_ipv6(s);
  return parse_ipv4(s);
}

std::optional<Cidr> parse_cidr(const std::string& text) {
  const std::string s = trim(text);
  const auto slash = s.find('/');
  auto addr = parse_ip(s.substr(0, slash));
  if (!addr) return std::nullopt;
  Cidr c{*addr, addr->v6 ? 128u : 32u};
  if (slash != std::string::npos) {
    const std::string len = s.substr(slash + 1);
    if (len.empty() || len.size() > 3) return std::nullopt;
    for (char ch : len)
      if (!std::isdigit(static_cast<unsigned char>(ch))) return std::nullopt;
    const unsigned n = static_cast<unsigned>(std::stoul(len));
    if (n > (addr->v6 ? 128u : 32u)) return std::nullopt;
    c.prefix = n;
  }
  return c;
}

namespace {
// Bit `i` (0 = most significant of 128) set in the mask of the block?
bool in_prefix(const Cidr& c, unsigned bit) {
  const unsigned offset = c.base.v6 ? 0 : 96;
  return bit < offset + c.prefix && bit >= offset;
}
}  // namespace

std::array<std::uint8_t, 16> Cidr::low() const {
  std::array<std::uint8_t, 16> r{};
  for (unsigned bit = 0; bit < 128; ++bit) {
    const bool v = (base.bytes[bit / 8] >> (7 - bit % 8)) & 1;
    if (in_prefix(*this, bit) && v) r[bit / 8] |= static_cast<std::uint8_t>(1 << (7 - bit % 8));
  }
  return r;
}

std::array<std::uint8_t, 16> Cidr::high() const {
  std::array<std::uint8_t, 16> r{};
  const unsigned offset = base.v6 ? 0 : 96;
  for (unsigned bit = 0; bit < 128; ++bit) {
    const bool v = (base.bytes[bit / 8] >> (7 - bit % 8)) & 1;
    const bool one = in_prefix(*this, bit) ? v : bit >= offset;
    if (one) r[bit / 8] |= static_cast<std::uint8_t>(1 << (7 - bit % 8));
  }
  return r;
}

bool Cidr::contains(const IpAddress& a) const {
  if (a.v6 != base.v6) return false;
  return low() <= a.bytes && a.bytes <= high();
}

std::string format_ip(const IpAddress& a) {
  char buf[64];
  if (!a.v6) {
    std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", a.bytes[12], a.bytes[13], a.bytes[14], a.bytes[15]);
    return buf;
  }
  std::string out;
  for (int g = 0; g < 8; ++g) {
    std::snprintf(buf, sizeof buf, "%x", (a.bytes[2 * g] << 8) | a.bytes[2 * g + 1]);
    out += (g ? ":" : "") + std::string(buf);
  }
  return out;
}

// ---- dates ----

namespace {

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

std::optional<std::int64_t> parse_date_ms(const std::string& text) {
  const std::string s = trim(text);
  if (all_digits(s) && s.size() <= 12) return std::stoll(s) * 1000;  // epoch seconds
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, consumed = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &consumed) != 3 || consumed != 10)
    return std::nullopt;
  std::string rest = s.substr(10);
  std::int64_t ms = 0, offset_min = 0;
  if (!rest.empty()) {
    if (rest[0] != 'T' && rest[0] != 't' && rest[0] != ' ') return std::nullopt;
    if (std::sscanf(rest.c_str() + 1, "%2d:%2d%n", &h, &mi, &consumed) != 2) return std::nullopt;
    rest = rest.substr(1 + consumed);
    if (!rest.empty() && rest[0] == ':') {
      if (std::sscanf(rest.c_str() + 1, "%2d%n", &sec, &consumed) != 1) return std::nullopt;
      rest = rest.substr(1 + consumed);
    }
    if (!rest.empty() && rest[0] == '.') {
      std::size_t i = 1;
      std::string frac;
      while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) frac += rest[i++];
      if (frac.empty()) return std::nullopt;
      frac = (frac + "000").substr(0, 3);
      ms = std::stoll(frac);
      rest = rest.substr(i);
    }
    if (rest == "Z" || rest == "z" || rest.empty()) {
    } else if ((rest[0] == '+' || rest[0] == '-') && rest.size() == 6 && rest[3] == ':') {
      const int oh = std::atoi(rest.substr(1, 2).c_str()), om = std::atoi(rest.substr(4, 2).c_str());
      offset_min = (rest[0] == '+' ? 1 : -1) * (oh * 60 + om);
    } else {
      return std::nullopt;
    }
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  const std::int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  const std::int64_t secs = days * 86400 + h * 3600 + mi * 60 + sec - offset_min * 60;
  return secs * 1000 + ms;
}

std::string format_date_ms(std::int64_t ms) {
  std::int64_t secs = ms / 1000, rem = ms % 1000;
  if (rem < 0) {
    rem += 1000;
    --secs;
  }
  std::int64_t days = secs / 86400, sod = secs % 86400;
  if (sod < 0) {
    sod += 86400;
    --days;
  }
  std::int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[64];
  if (rem == 0)
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(y), m, d,
                  static_cast<long long>(sod / 3600), static_cast<long long>(sod / 60 % 60),
                  static_cast<long long>(sod % 60));
  else
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", static_cast<long long>(y), m,
                  d, static_cast<long long>(sod / 3600), static_cast<long long>(sod / 60 % 60),
                  static_cast<long long>(sod % 60), static_cast<long long>(rem));
  return buf;
}

// ---- decimals ----

std::optional<std::string> parse_decimal(const std::string& text) {
  std::string s = trim(text);
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s = s.substr(1);
  }
  const auto dot = s.find('.');
  std::string ip = s.substr(0, dot), fp = dot == std::string::npos ? "" : s.substr(dot + 1);
  if (ip.empty() && fp.empty()) return std::nullopt;
  if ((!ip.empty() && !all_digits(ip)) || (!fp.empty() && !all_digits(fp))) return std::nullopt;
  while (ip.size() > 1 && ip[0] == '0') ip.erase(0, 1);
  if (ip.empty()) ip = "0";
  while (!fp.empty() && fp.back() == '0') fp.pop_back();
  std::string out = ip + (fp.empty() ? "" : "." + fp);
  if (neg && out != "0") out = "-" + out;
  return out;
}

namespace {
int compare_magnitude(const std::string& a, const std::string& b) {
  const auto da = a.find('.'), db = b.find('.');
  const std::string ia = a.substr(0, da), ib = b.substr(0, db);
  if (ia.size() != ib.size()) return ia.size() < ib.size() ? -1 : 1;
  if (ia != ib) return ia < ib ? -1 : 1;
  std::string fa = da == std::string::npos ? "" : a.substr(da + 1);
  std::string fb = db == std::string::npos ? "" : b.substr(db + 1);
  const std::size_t n = std::max(fa.size(), fb.size());
  fa.resize(n, '0');
  fb.resize(n, '0');
  return fa == fb ? 0 : (fa < fb ? -1 : 1);
}
}  // namespace

int compare_decimal(const std::string& a, const std::string& b) {
  const bool na = !a.empty() && a[0] == '-', nb = !b.empty() && b[0] == '-';
  if (na != nb) return na ? -1 : 1;
  const int m = compare_magnitude(na ? a.substr(1) : a, nb ? b.substr(1) : b);
  return na ? -m : m;
}

// ---- operators and statements ----

ValueClass value_class(BaseOp op) {
  switch (op) {
    case BaseOp::StringEquals:
    case BaseOp::StringEqualsIgnoreCase:
    case BaseOp::StringLike:
    case BaseOp::Arn: return ValueClass::String;
    case BaseOp::BinaryEquals: return ValueClass::Binary;
    case BaseOp::NumericEquals:
    case BaseOp::NumericLessThan:
    case BaseOp::NumericLessThanEquals:
    case BaseOp::NumericGreaterThan:
    case BaseOp::NumericGreaterThanEquals: return ValueClass::Numeric;
    case BaseOp::DateEquals:
    case BaseOp::DateLessThan:
    case BaseOp::DateLessThanEquals:
    case BaseOp::DateGreaterThan:
    case BaseOp::DateGreaterThanEquals: return ValueClass::Date;
    case BaseOp::Bool: return ValueClass::Bool;
    case BaseOp::IpAddress: return ValueClass::Ip;
    case BaseOp::Null: return ValueClass::None;
  }
  return ValueClass::None;
}

std::string Statement::label() const {
  if (!sid.empty()) return "Sid \"" + sid + "\"";
  return "statement " + std::to_string(index + 1);
}

}  // namespace verdict::policy
