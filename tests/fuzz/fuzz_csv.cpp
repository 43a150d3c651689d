// Any bytes as a CSV export: reading the whole buffer, reading it streamed, and reading it
// without columns (the fast split of records without quotes) must give the same records and
// the same error.
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
    alignkit::CsvReader fast(text);
    fast.track_columns(false);
    const auto without_columns = read_all(fast);
    if (whole.error() != streamed.error() || in_memory.size() != from_stream.size() || whole.error() != fast.error() ||
        in_memory.size() != without_columns.size()) {
        std::abort();
    }
    for (std::size_t i = 0; i < in_memory.size(); ++i) {
        if (in_memory[i].fields != from_stream[i].fields || in_memory[i].line != from_stream[i].line ||
            in_memory[i].fields != without_columns[i].fields || in_memory[i].line != without_columns[i].line) {
            std::abort();
        }
    }
    return 0;
}
