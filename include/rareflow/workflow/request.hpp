// What every workflow call shares: how it fails. A workflow takes values (Dataset, Scenario,
// PlanModel, options), never command-line syntax, and never prints; the CLI (app/) and the
// Python package (python/) turn its failures into their own messages or exceptions.
#pragma once

#include <expected>
#include <string>
#include <vector>

#include "rareflow/core/error.hpp"

namespace rareflow::workflow {

// Problems with the request or its inputs (shown as file:line:column: field: message, thrown
// as InputError at the boundary), or else why the run itself failed.
struct Failure {
  Diagnostics diagnostics;
  std::string message;
};
template <class T>
using Outcome = std::expected<T, Failure>;

// Where request problems are reported: `file` names the request ("command line" for the CLI),
// `prefix` goes before each field name ("--" for the CLI's options).
struct RequestOrigin {
  std::string file = "request";
  std::string prefix;
};

}  // namespace rareflow::workflow
