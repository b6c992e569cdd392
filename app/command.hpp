// Subcommand registry: each app/cmd_*.cpp registers itself, so commands stay in their own
// files and main.cpp never changes when one is added. The CLI holds no model logic.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "rareflow/data/dataset.hpp"

namespace rareflow::app {

struct GlobalOptions {
  std::string data_dir;  // empty: the embedded default package
  int exit_code = 0;
};

// Loads the data package chosen by --data (or the embedded default). Throws InputError.
const Dataset& dataset(GlobalOptions& g);

// A bad command-line option: reported like an input error ("command line: --opt: ...").
InputError option_error(const std::string& option, const std::string& message);

using Setup = std::function<void(CLI::App& root, GlobalOptions& g)>;
bool register_command(int order, Setup setup);

// Prints to stdout, or writes atomically to `path` when it is not empty.
void emit(const std::string& text, const std::string& path);

}  // namespace rareflow::app
