#include "audit/latency_rank.hpp"

#include <algorithm>
#include <limits>

namespace alignkit {

Latency nearest_rank(std::vector<std::int32_t>& values)
{
    Latency l;
    l.n = static_cast<std::int64_t>(values.size());
    if (values.empty()) {
        return l;
    }
    // Two order statistics, not a sort: the 90th first, then the median among those below it.
    auto rank = [&](std::int64_t p) {
        return static_cast<std::size_t>(std::max<std::int64_t>((p * l.n + 99) / 100, 1) - 1);
    };
    const auto p90 = values.begin() + static_cast<std::ptrdiff_t>(rank(90));
    std::nth_element(values.begin(), p90, values.end());
    l.p90 = *p90; // before the second pass, which may move it
    const auto median = values.begin() + static_cast<std::ptrdiff_t>(rank(50));
    std::nth_element(values.begin(), median, p90 + 1);
    l.median = *median;
    return l;
}

// The same ranks over several lists taken as one, in two passes and without copying them
// (they hold a value per lead): the smallest and largest values, then a count of values per
// bucket of 65,536 equal ranges between them; the buckets holding the ranks are then few values,
// selected among exactly as above.
Latency nearest_rank_across(const std::vector<const std::vector<std::int32_t>*>& lists)
{
    Latency l;
    std::int64_t lo = std::numeric_limits<std::int64_t>::max(), hi = std::numeric_limits<std::int64_t>::min();
    for (const auto* list : lists) {
        l.n += static_cast<std::int64_t>(list->size());
        for (const auto v : *list) {
            lo = std::min<std::int64_t>(lo, v);
            hi = std::max<std::int64_t>(hi, v);
        }
    }
    if (l.n == 0) {
        return l;
    }
    constexpr std::int64_t k_buckets = 1 << 16;
    const std::int64_t width = (hi - lo) / k_buckets + 1;
    std::vector<std::int64_t> counts(k_buckets);
    for (const auto* list : lists) {
        for (const auto v : *list) {
            ++counts[static_cast<std::size_t>((v - lo) / width)];
        }
    }
    auto value_at = [&](std::int64_t p) {
        const std::int64_t rank = std::max<std::int64_t>((p * l.n + 99) / 100, 1) - 1; // 0-based
        std::int64_t before = 0;
        std::size_t bucket = 0;
        while (before + counts[bucket] <= rank) {
            before += counts[bucket++];
        }
        std::vector<std::int32_t> in_bucket;
        in_bucket.reserve(static_cast<std::size_t>(counts[bucket]));
        for (const auto* list : lists) {
            for (const auto v : *list) {
                if (static_cast<std::size_t>((v - lo) / width) == bucket) {
                    in_bucket.push_back(v);
                }
            }
        }
        const auto nth = in_bucket.begin() + (rank - before);
        std::nth_element(in_bucket.begin(), nth, in_bucket.end());
        return static_cast<std::int64_t>(*nth);
    };
    l.p90 = value_at(90);
    l.median = value_at(50);
    return l;
}

} // namespace alignkit
