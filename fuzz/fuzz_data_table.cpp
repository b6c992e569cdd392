// Fuzz target: one table of the data package. The first line of the input names the table's
// file (e.g. "mines.csv", or "datapackage.toml" for the manifest); the rest replaces that file
// in the embedded world package, which is then loaded and validated as `data check` does.
#include <exception>

#include "fuzz_input.hpp"
#include "rareflow/data/dataset.hpp"
#include "rareflow/data/embedded.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  std::string in = rareflow::fuzz::text_of(data, size);
  auto nl = in.find('\n');
  std::string file = in.substr(0, nl);
  std::string body = nl == std::string::npos ? std::string() : in.substr(nl + 1);
  try {
    (void)rareflow::load_dataset_from(
        [&](const std::string& f) -> std::optional<std::string> {
          if (f == file) return body;
          auto text = rareflow::embedded_file("data/world/" + f);
          if (!text) return std::nullopt;
          return std::string(*text);
        },
        "data/world/", "fuzz");
  } catch (const std::exception&) {
  }
  return 0;
}
