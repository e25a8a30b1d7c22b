// `verdict network ...`: parses the command line, calls the network API, renders the answer.
#include "cmd_network.h"

#include <iostream>
#include <sstream>

namespace verdict::cli {

namespace {

struct NetworkFlags {
  std::string snapshot, snapshot_b, ports;
  NetworkQuery query;
  unsigned questions = 200;
  double timeout = 10;
  bool json = false;
};

nlohmann::json hops_json(const std::vector<NetworkHop>& hops) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& h : hops) out.push_back({{"component", h.component}, {"detail", h.detail}});
  return out;
}

nlohmann::json packet_json(const NetworkPacket& p) {
  nlohmann::json j = {{"src", p.src}, {"dst", p.dst}, {"protocol", p.protocol}, {"text", p.text}};
  if (p.protocol == "tcp" || p.protocol == "udp") j["src_port"] = p.src_port, j["dst_port"] = p.dst_port;
  if (p.protocol == "icmp") j["icmp_type"] = p.icmp_type, j["icmp_code"] = p.icmp_code;
  return j;
}

void hops_text(std::ostringstream& out, const char* title, const std::vector<NetworkHop>& hops) {
  if (hops.empty()) return;
  out << "    " << title << ":\n";
  for (const auto& h : hops) out << "      " << h.component << ": " << h.detail << "\n";
}

int print_answer(const NetworkAnswer& a, bool json) {
  if (json) std::cout << network_answer_to_json(a).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  else std::cout << network_answer_to_text(a);
  return exit_code(a.verdict);
}

NetworkOptions options_of(const NetworkFlags& f) {
  NetworkOptions o;
  o.timeout_s = f.timeout;
  return o;
}

int run_bench(const NetworkFlags& f) {
  const auto r = network_bench(load_network_snapshot(f.snapshot), f.questions, 1, options_of(f));
  nlohmann::json j = {{"interfaces", r.interfaces}, {"questions", r.questions}, {"yes", r.yes}, {"no", r.no},
                      {"dont_know", r.dont_know}, {"parse_ms", r.parse_ms}, {"median_ms", r.median_ms},
                      {"p95_ms", r.p95_ms}, {"max_ms", r.max_ms}};
  if (f.json) std::cout << j.dump(2) << "\n";
  else
    std::printf("interfaces %zu, questions %zu: yes %zu, no %zu, don't know %zu\nparse %.1f ms; per question: "
                "median %.2f ms, p95 %.2f ms, max %.2f ms\n",
                r.interfaces, r.questions, r.yes, r.no, r.dont_know, r.parse_ms, r.median_ms, r.p95_ms, r.max_ms);
  if (!f.json)
    for (const auto& reason : r.dont_know_reasons) std::printf("don't know: %s\n", reason.c_str());
  return 0;
}

CLI::App* add_common(CLI::App* cmd, NetworkFlags& f) { return add_json_and_timeout(cmd, f.json, f.timeout); }

}  // namespace

void add_network_command(CLI::App& app, Actions& actions) {
  auto f = std::make_shared<NetworkFlags>();
  CLI::App* net = app.add_subcommand("network", "Questions about AWS-style network snapshots (see docs/network.md)");
  net->require_subcommand(1);

  CLI::App* r = add_common(net->add_subcommand("reachable", "Can a packet get from --from to --to (and back)?"), *f);
  r->add_option("SNAPSHOT", f->snapshot, "snapshot JSON file")->required();
  r->add_option("--from", f->query.from, "eni-..., i-..., subnet-..., internet, or a CIDR")->required();
  r->add_option("--to", f->query.to, "eni-..., i-..., subnet-..., internet, or a CIDR")->required();
  r->add_option("--protocol", f->query.protocol, "tcp, udp, icmp, all, or a number")->capture_default_str();
  r->add_option("--port", f->query.ports, "destination port N or range N-M (tcp/udp)");
  actions[r] = [f] { return print_answer(network_reachable(load_network_snapshot(f->snapshot), f->query, options_of(*f)), f->json); };

  CLI::App* e = add_common(net->add_subcommand("exposed", "Which interfaces can the internet reach?"), *f);
  e->add_option("SNAPSHOT", f->snapshot, "snapshot JSON file")->required();
  e->add_option("--port", f->ports, "only this destination port N or range N-M (tcp/udp)");
  actions[e] = [f] { return print_answer(network_exposed(load_network_snapshot(f->snapshot), f->ports, options_of(*f)), f->json); };

  CLI::App* c = add_common(net->add_subcommand("compare", "Which internet flows does a change open or close?"), *f);
  c->add_option("BEFORE", f->snapshot, "snapshot before the change")->required();
  c->add_option("AFTER", f->snapshot_b, "snapshot after the change")->required();
  actions[c] = [f] {
    return print_answer(network_compare(load_network_snapshot(f->snapshot), load_network_snapshot(f->snapshot_b), options_of(*f)), f->json);
  };

  CLI::App* b = add_common(net->add_subcommand("bench", "Time random reachable questions on one snapshot"), *f);
  b->add_option("SNAPSHOT", f->snapshot, "snapshot JSON file")->required();
  b->add_option("--questions", f->questions, "how many questions")->capture_default_str();
  actions[b] = [f] { return run_bench(*f); };
}

nlohmann::json network_answer_to_json(const NetworkAnswer& a) {
  nlohmann::json flows = nlohmann::json::array();
  for (const auto& fl : a.flows)
    flows.push_back({{"role", fl.role}, {"from", fl.from}, {"to", fl.to}, {"packet", packet_json(fl.packet)},
                     {"path", hops_json(fl.path)}, {"reply_path", hops_json(fl.reply_path)},
                     {"stopped_at", fl.stopped_at}, {"stopped_by", fl.stopped_by},
                     {"explanation", fl.explanation}, {"rechecked", fl.rechecked}});
  return {{"answer", to_string(a.verdict)}, {"question", a.question}, {"snapshots", a.snapshots},
          {"evidence", {{"flows", flows}, {"notes", a.notes}}}, {"assumptions", a.assumptions},
          {"reason", a.reason}, {"time_ms", a.time_ms}};
}

std::string network_answer_to_text(const NetworkAnswer& a) {
  std::ostringstream out;
  const char* answer = a.verdict == Verdict::Yes ? "YES" : a.verdict == Verdict::No ? "NO" : "DON'T KNOW";
  out << "network " << a.question << ": " << answer << "\n  " << a.reason << "\n";
  for (const auto& f : a.flows) {
    out << "  flow [" << f.role << "] " << f.from << " -> " << f.to
        << (f.rechecked ? " (re-checked by the concrete evaluator)" : "") << "\n    packet: " << f.packet.text << "\n";
    hops_text(out, "path", f.path);
    hops_text(out, "reply path", f.reply_path);
    if (!f.stopped_at.empty()) out << "    stopped at " << f.stopped_at << ": " << f.stopped_by << "\n";
    if (!f.explanation.empty()) out << "    " << f.explanation << "\n";
  }
  for (const auto& n : a.notes) out << "  note: " << n << "\n";
  out << "  assumptions:\n";
  for (const auto& s : a.assumptions) out << "    - " << s << "\n";
  out << "  time: " << static_cast<long long>(a.time_ms) << " ms\n";
  return out.str();
}

}  // namespace verdict::cli
