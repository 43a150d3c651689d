// Any bytes as a CSV export: reading the whole buffer and reading it streamed, a few bytes at
// a time, must give the same records and the same error.
#include "alignkit/util/csv.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<alignkit::CsvRecord> read_all(alignkit::CsvReader& reader)
{
    std::vector<alignkit::CsvRecord> records;
    alignkit::CsvRecord record;
    while (reader.next(record)) {
        records.push_back(record);
    }
    return records;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    alignkit::CsvReader whole(text);
    const auto in_memory = read_all(whole);
    std::istringstream stream(text);
    alignkit::CsvReader streamed(stream);
    const auto from_stream = read_all(streamed);
    if (whole.error() != streamed.error() || in_memory.size() != from_stream.size()) {
        std::abort();
    }
    for (std::size_t i = 0; i < in_memory.size(); ++i) {
        if (in_memory[i].fields != from_stream[i].fields || in_memory[i].line != from_stream[i].line) {
            std::abort();
        }
    }
    return 0;
}
