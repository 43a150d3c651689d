#pragma once
// A PostgreSQL server, reached with libpq: connection strings and URIs as libpq reads them,
// credentials from libpq's usual places (PGPASSWORD, ~/.pgpass, service files), queries whose
// results come back as text, as a CSV export would hold them. No libpq type appears here.

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace alignkit {

// A query's result: the column names, then each row's values as text ("" for NULL).
using QueryRows = std::vector<std::vector<std::string>>;

class PostgresConnection {
  public:
    // `conninfo`: a URI (postgresql://...) or key=value pairs. nullopt, with `error`, when the
    // server cannot be reached or refuses; the error never holds the password.
    static std::optional<PostgresConnection> open(const std::string& conninfo, std::string& error);

    // Runs one statement; nullopt, with the server's message in `error`, when it fails.
    std::optional<QueryRows> query(const std::string& sql, std::string& error);

    PostgresConnection(PostgresConnection&&) noexcept;
    PostgresConnection& operator=(PostgresConnection&&) noexcept;
    ~PostgresConnection();

  private:
    struct Handle;
    explicit PostgresConnection(std::unique_ptr<Handle> handle);
    std::unique_ptr<Handle> m_handle;
};

// Whether a command-line argument names a database rather than a file: a postgresql:// or
// postgres:// URI (the scheme in any case).
bool is_postgres_uri(const std::string& text);
// A URI as messages may show it: its scheme only, as what follows may hold a password.
std::string uri_shown(const std::string& text);

} // namespace alignkit
