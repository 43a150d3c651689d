#pragma once
// Percentiles of latencies, as the audit reports them. Nearest rank (the default): the value
// at rank ceil(p/100 x n) of the values in ascending order, always one of them. Linear: between
// the values at ranks floor(h) and floor(h) + 1 (1-based) for h = (n - 1) x p/100 + 1, as pandas'
// median() and quantile(), numpy's default and DuckDB's quantile_cont compute it.

#include "alignkit/audit/sla_audit.hpp"

#include <cstdint>
#include <vector>

namespace alignkit {

// The median and 90th percentile of `values`.
Latency percentiles(const std::vector<std::int32_t>& values, Quantiles method);

// The same over several lists taken as one, without copying them.
Latency percentiles_across(const std::vector<const std::vector<std::int32_t>*>& lists, Quantiles method);

} // namespace alignkit
