// `rareflow stocks`: in-use stocks, end of life and secondary supply by year for the data
// package's default demand trajectories. The selection and the table are
// rareflow::workflow::stocks_table; this file reads the options and prints.
#include <charconv>
#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "rareflow/mfa/stocks_default.hpp"
#include "rareflow/workflow/stocks.hpp"

namespace rareflow::app {

namespace {

struct StocksOptions {
  std::string region;
  std::string sector;
  std::string element;
  std::string years = "2000..2050";
  FormatOption format;
  std::string out;
};

void add(Diagnostics& diags, std::string field, std::string message) {
  diags.add("command line", 0, 0, std::move(field), std::move(message));
}

bool parse_int(std::string_view s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && ec == std::errc() && p == s.data() + s.size();
}

// "FIRST..LAST" or one year; on a syntax error the range becomes one valid year, so that the
// workflow checks the other options without a second message about the years.
void check_years(const std::string& text, workflow::StocksRequest& r, Diagnostics& diags) {
  const auto dots = text.find("..");
  const std::string a = dots == std::string::npos ? text : text.substr(0, dots);
  const std::string b = dots == std::string::npos ? text : text.substr(dots + 2);
  if (parse_int(a, r.first) && parse_int(b, r.last)) return;
  r.first = r.last = mfa::kHistoryStart;
  add(diags, "--years",
      fmt::format("expected FIRST..LAST (e.g. 2000..2050) or one year, found \"{}\"", text));
}

void setup(CLI::App& root, GlobalOptions& g) {
  auto o = std::make_shared<StocksOptions>();
  auto* c = root.add_subcommand(
      "stocks", "in-use stocks, end of life and recycled supply by year (default trajectories)");
  c->add_option("--region", o->region, "one region (ISO alpha-3 or ROW; WLD = all)");
  c->add_option("--sector", o->sector, "one end-use sector id (e.g. ev_motors, wind)");
  c->add_option("--element", o->element, "one element symbol (e.g. Nd, Dy)");
  c->add_option("--years", o->years, "reported years FIRST..LAST (default 2000..2050)");
  add_format_option(c, o->format);
  c->add_option("--out", o->out, "write to FILE instead of standard output");
  c->callback([o, &g] {
    Diagnostics diags;
    workflow::StocksRequest r{o->region, o->sector, o->element, 0, 0, {"command line", "--"}};
    auto f = o->format.parse(o->out);
    if (!f) add(diags, "", f.error().message);
    check_years(o->years, r, diags);
    auto t = workflow::stocks_table(dataset(g), r, std::move(diags));
    if (!t && !t.error().diagnostics.empty()) throw InputError(t.error().diagnostics);
    if (!t) throw std::runtime_error(t.error().message);
    emit_tables({*t}, *f, o->out, "stocks", g);
  });
}

const bool kRegistered = register_command(55, setup);

}  // namespace

}  // namespace rareflow::app
