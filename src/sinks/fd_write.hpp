// write(2) until every byte is out. Both the atomic file and the buffered
// Output need it, and both must treat a short write as "try again" and
// EINTR as "not an error" rather than losing bytes.
#pragma once

#include <string_view>

namespace veil {

// Returns 0 once all of data is written, or the errno of the failed write.
int write_all(int fd, std::string_view data);

} // namespace veil
