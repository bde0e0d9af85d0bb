// Status and Result<T>: the one way every fallible call in uprev reports a
// failure that a user can cause. No exceptions cross a module boundary.
#ifndef UPREV_CORE_STATUS_H_
#define UPREV_CORE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace uprev {

// What kind of failure, so that tools/ can map it to an exit code.
enum class StatusCode {
  kOk,
  kInvalid,   // bad usage, bad rule file, bad input: exit 2
  kIo,        // a file or repository could not be read or written: exit 3
  kInternal,  // a bug or an unexpected library failure: exit 3
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  // `message` is complete: "path:line:col: error: what failed; hint".
  static Status Invalid(std::string message) {
    return Status(StatusCode::kInvalid, std::move(message));
  }
  static Status Io(std::string message) {
    return Status(StatusCode::kIo, std::move(message));
  }
  static Status Internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or a failed Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "a Result built from a Status must be an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace uprev

#endif  // UPREV_CORE_STATUS_H_
