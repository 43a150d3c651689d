# Parses a query alignkit compiled for BigQuery or Snowflake with sqlglot's grammar of that
# dialect (Debian python3-sqlglot), as no test can run those engines here: an unbalanced
# parenthesis, an unterminated or wrongly escaped literal, a clause out of place is refused.
# Prints what the parser says and exits 1 when it refuses.
#
# sqlglot 10.6 (Debian 12) reads neither a doubled quote inside a Snowflake identifier
# ("Owner ""Name""") nor a backslash escape inside a BigQuery one (`from\`where`), both valid
# in those engines (each engine's documentation of quoted identifiers). So quoted identifiers
# are first checked here to end where the engine ends them, and replaced by plain ones; string
# literals and comments are kept as they are.
#
# Usage: /usr/bin/python3 parse-sqlglot.py DIALECT QUERY.sql
import sys

import sqlglot
from sqlglot.errors import ErrorLevel


def end_of_quoted(sql, start, quote, backslash, doubled):
    """The index of the quote that ends the quoted text opening at `start`, or -1."""
    i = start + 1
    while i < len(sql):
        if backslash and sql[i] == "\\":
            i += 2
        elif sql[i] == quote and doubled and sql.startswith(quote * 2, i):
            i += 2
        elif sql[i] == quote:
            return i
        else:
            i += 1
    return -1


def plain_identifiers(sql, dialect):
    """The query with each quoted identifier replaced by a plain one, or raises ValueError."""
    quote = "`" if dialect == "bigquery" else '"'
    out, i, count = [], 0, 0
    while i < len(sql):
        c = sql[i]
        if c == "'":  # both engines read backslash escapes in string literals
            end = end_of_quoted(sql, i, "'", True, dialect == "snowflake")
            if end < 0:
                raise ValueError(f"a string literal at offset {i} never ends")
            out.append(sql[i : end + 1])
            i = end + 1
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            end = len(sql) if end < 0 else end
            out.append(sql[i:end])
            i = end
        elif c == quote:
            end = end_of_quoted(sql, i, quote, dialect == "bigquery", dialect != "bigquery")
            if end < 0:
                raise ValueError(f"a quoted identifier at offset {i} never ends")
            count += 1
            out.append(f"{quote}id{count}{quote}")
            i = end + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


dialect, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    sql = f.read()
try:
    statements = sqlglot.parse(plain_identifiers(sql, dialect), read=dialect, error_level=ErrorLevel.RAISE)
    statements = [s for s in statements if s is not None]
except (ValueError, sqlglot.errors.SqlglotError) as e:
    print(f"{path}: {dialect}: {str(e)[:400]}", file=sys.stderr)
    sys.exit(1)
if not statements:
    print(f"{path}: {dialect}: no statement", file=sys.stderr)
    sys.exit(1)
print(f"{path}: parsed as {dialect}, {len(statements)} statement(s)")
