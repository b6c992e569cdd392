// Errors and results. Library calls return Result<T>, never throw for bad input; the CLI and
// the Python bindings turn an Error into their own exception. A Diagnostic names the place
// (file:line:column), the field and what was expected versus found, in the fmt style: lower
// case, specific.
#pragma once

#include <expected>
#include <string>
#include <vector>

namespace rareflow {

// One problem found in an input file.
struct Diagnostic {
  std::string file;
  int line = 0;    // 1-based; 0 when the problem concerns the whole file
  int column = 0;  // 1-based; 0 when not applicable
  std::string field;
  std::string message;

  std::string str() const;
};

// Collects every problem of a load, so that the user sees all of them at once.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void add(std::string file, int line, int column, std::string field, std::string message) {
    items_.push_back({std::move(file), line, column, std::move(field), std::move(message)});
  }
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  void append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  }
  // All diagnostics, one per line.
  std::string str() const;

 private:
  std::vector<Diagnostic> items_;
};

// Why a call failed. When it failed on bad input, `diagnostics` holds every problem found and
// `message` is their text (one per line), so a boundary can report them as InputError.
struct Error {
  std::string message;
  Diagnostics diagnostics;
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(std::string message) {
  return std::unexpected<Error>(Error{std::move(message), {}});
}
inline std::unexpected<Error> fail(Diagnostics diags) {
  std::string text = diags.str();
  return std::unexpected<Error>(Error{std::move(text), std::move(diags)});
}

// Thrown by the CLI and the Python bindings (the boundaries that report by exception) when
// input is invalid; carries every diagnostic found. Library calls return Result instead.
class InputError : public std::exception {
 public:
  explicit InputError(Diagnostics d) : diags_(std::move(d)), text_(diags_.str()) {}
  const char* what() const noexcept override { return text_.c_str(); }
  const Diagnostics& diagnostics() const { return diags_; }

 private:
  Diagnostics diags_;
  std::string text_;
};

// For the boundaries that report by exception (the CLI, tests, benchmarks): an error with
// diagnostics is thrown as InputError, any other as std::runtime_error with its message.
[[noreturn]] void throw_error(const Error& e);
template <class T>
T value_or_throw(Result<T> r) {
  if (!r) throw_error(r.error());
  return std::move(*r);
}

// The closest candidate by edit distance, or "" if none is close.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);
// The one "did you mean" wording: ` (did you mean "X"?)`, or "" when nothing is close. A
// candidate equal but for case wins; otherwise the closest ignoring case, as spelled.
std::string suggestion(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace rareflow
