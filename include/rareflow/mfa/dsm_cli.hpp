// `rareflow dsm`: the dynamic stock model on anyone's yearly series. The command file in app/
// only maps options onto DsmRequest and prints what run_dsm returns.
#pragma once

#include <expected>
#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/core/table.hpp"

namespace rareflow::mfa {

struct DsmRequest {
  std::string inflow_file{};  // exactly one of inflow_file and stock_file is set
  std::string stock_file{};
  std::string lifetime{};                   // e.g. "normal:12,3" (see parse_lifetime)
  bool negative_inflow_correction = false;  // stock-driven only
  bool by_cohort = false;
};

// Reads the series, runs the model, checks the stock balance and returns the tables to print:
// per year (inflow, outflow, stock, stock change), then with by_cohort the stock and outflow by
// cohort. Every problem with the request or the file comes back as a Diagnostic, all at once.
std::expected<std::vector<Table>, Diagnostics> run_dsm(const DsmRequest& request);

}  // namespace rareflow::mfa
