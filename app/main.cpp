// rareflow: rare-earth supply-chain strategy engine. Entry point: parses the command line and
// hands over to the registered subcommands; all errors end here with a clear message.
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>

#include "command.hpp"
#include "rareflow/core/io.hpp"

namespace rareflow::app {

namespace {
std::multimap<int, Setup>& registry() {
  static std::multimap<int, Setup> r;
  return r;
}
std::optional<Dataset> g_dataset;
}  // namespace

bool register_command(int order, Setup setup) {
  registry().emplace(order, std::move(setup));
  return true;
}

const Dataset& dataset(GlobalOptions& g) {
  if (!g_dataset)
    g_dataset =
        value_or_throw(g.data_dir.empty() ? load_default_dataset() : load_dataset(g.data_dir));
  return *g_dataset;
}

InputError option_error(const std::string& option, const std::string& message) {
  Diagnostics d;
  d.add("command line", 0, 0, option, message);
  return InputError(std::move(d));
}

void emit(const std::string& text, const std::string& path) {
  if (path.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return;
  }
  auto r = write_file_atomic(path, text);
  if (!r) throw_error(r.error());
}

}  // namespace rareflow::app

int main(int argc, char** argv) {
  using namespace rareflow::app;
  CLI::App root{"rareflow: rare-earth supply-chain strategy engine"};
  root.require_subcommand(1);
  root.set_version_flag("--version", "rareflow 0.1.0");
  GlobalOptions g;
  root.add_option("--data", g.data_dir, "data package directory (default: the embedded package)");
  for (auto& [order, setup] : registry()) setup(root, g);
  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return root.exit(e);
  } catch (const rareflow::InputError& e) {
    std::cerr << e.what();
    std::cerr << "rareflow: " << e.diagnostics().size() << " error(s); nothing written\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "rareflow: error: " << e.what() << "\n";
    return 1;
  }
  return g.exit_code;
}
