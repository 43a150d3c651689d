#pragma once
// Lead definitions shared by the audit's unit tests: the fields `sla audit` reads under the
// names it looks for, and a lifecycle of mql, sql and customer with a disqualification exit.

namespace alignkit::test {

inline constexpr const char* k_audit_defs = R"(apiVersion: alignkit/v1
kind: LeadDefinitions
metadata: {name: leads}
spec:
  fields:
    - {name: lead_id, type: text}
    - {name: source, type: text}
    - {name: owner, type: text}
    - {name: mql_at, type: datetime}
    - {name: assigned_at, type: datetime}
    - {name: first_touch_at, type: datetime}
    - {name: touch_attempts, type: integer}
    - {name: sql_at, type: datetime}
    - {name: customer_at, type: datetime}
    - {name: disqualified_at, type: datetime}
    - {name: disqualify_reason, type: text}
  stages:
    - {id: mql, name: MQL, owner: marketing, entry: mql_at is set, exit: assigned_at is set}
    - {id: sql, name: SQL, owner: sales, entry: sql_at is set, exit: customer_at is set}
    - {id: customer, name: Customer, owner: sales, entry: customer_at is set}
  exits:
    - {id: disqualified, name: Disqualified, owner: sales, reasons: [{code: any}]}
)";

} // namespace alignkit::test
