#pragma once
// Nearest-rank percentiles of latencies, as the audit reports them: the value at rank
// ceil(p/100 x n) of the values in ascending order.

#include "alignkit/audit/sla_audit.hpp"

#include <cstdint>
#include <vector>

namespace alignkit {

// The median and 90th percentile of `values`, which it reorders.
Latency nearest_rank(std::vector<std::int32_t>& values);

// The same over several lists taken as one, without copying or reordering them.
Latency nearest_rank_across(const std::vector<const std::vector<std::int32_t>*>& lists);

} // namespace alignkit
