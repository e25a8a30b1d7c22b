// The network questions as library calls: can a packet get from one place to another in an
// AWS-style network snapshot, which interfaces are exposed to the internet, which flows does a
// change open or close. The CLI's `network` subcommand is a thin client of these calls.
// Not responsible for rendering answers (tools/verdict/ does).
#pragma once

#include <string>
#include <vector>

#include "verdict/answer.h"

namespace verdict {

/// A snapshot: its JSON text (EC2 describe responses) and a name used in messages.
struct NetworkSnapshot {
  std::string name;
  std::string text;
};

/// What a question asks about. Endpoints: a network interface id (eni-), an instance id (i-),
/// a subnet id (subnet-), `internet`, or an IPv4 CIDR.
struct NetworkQuery {
  std::string from, to;
  std::string protocol = "all";  ///< tcp, udp, icmp, all, or a protocol number
  std::string ports;             ///< "N" or "N-M" (TCP/UDP destination port); empty = any
};

/// One concrete packet, as text.
struct NetworkPacket {
  std::string src, dst, protocol;
  int src_port = 0, dst_port = 0;  ///< TCP/UDP
  int icmp_type = 0, icmp_code = 0;
  std::string text;  ///< "tcp 203.0.113.9:50000 -> 10.0.1.5:22"
};

/// One component on a path and the rule or route that let the packet through.
struct NetworkHop {
  std::string component;
  std::string detail;
};

/// A flow shown as evidence: the packet, its path (and its reply's), or where it stops.
struct NetworkFlow {
  std::string role;  ///< "reachable", "blocked", "dont_know", "exposed", "opened", "closed"
  std::string from, to;
  NetworkPacket packet;
  std::vector<NetworkHop> path, reply_path;
  std::string stopped_at;  ///< blocked: the component
  std::string stopped_by;  ///< blocked: the rule or missing route
  std::string explanation;
  bool rechecked = false;  ///< the concrete evaluator forwarded this packet and agreed
};

struct NetworkAnswer {
  Verdict verdict = Verdict::DontKnow;
  std::string question;  ///< "reachable", "exposed", "compare"
  std::vector<std::string> snapshots;
  std::vector<NetworkFlow> flows;
  std::vector<std::string> notes;
  std::vector<std::string> assumptions;
  std::string reason;
  double time_ms = 0;
};

struct NetworkOptions {
  double timeout_s = 10;  ///< per solver query; a timeout is don't know
};

/// Reads a snapshot file. Throws InputError when it cannot be read.
NetworkSnapshot load_network_snapshot(const std::string& path);

/// Can some packet of the query's kind get from `from` to `to`, and (TCP/UDP) its reply back?
/// yes: a packet and its hop-by-hop path; no: where every such packet stops. Throws InputError
/// for a malformed snapshot or query.
NetworkAnswer network_reachable(const NetworkSnapshot& snapshot, const NetworkQuery& query,
                                const NetworkOptions& options = {});

/// Which interfaces can the internet reach (on `ports`, or on any port)? yes: some are exposed,
/// each with a packet; no: none is.
NetworkAnswer network_exposed(const NetworkSnapshot& snapshot, const std::string& ports = "",
                              const NetworkOptions& options = {});

/// Which internet exposures does the change from `before` to `after` open or close (per
/// interface present in both)? yes: none (equivalent); no: the flows opened and closed.
NetworkAnswer network_compare(const NetworkSnapshot& before, const NetworkSnapshot& after,
                              const NetworkOptions& options = {});

/// Timings of `questions` random `reachable` questions between interfaces of one snapshot
/// (parsed once): the answers' counts and the median / p95 / max time per question.
struct NetworkBenchReport {
  std::size_t interfaces = 0, questions = 0, yes = 0, no = 0, dont_know = 0;
  double parse_ms = 0, median_ms = 0, p95_ms = 0, max_ms = 0;
  std::vector<std::string> dont_know_reasons;
};
NetworkBenchReport network_bench(const NetworkSnapshot& snapshot, unsigned questions, unsigned seed = 1,
                                 const NetworkOptions& options = {});

}  // namespace verdict
