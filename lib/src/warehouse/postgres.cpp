#include "alignkit/warehouse/postgres.hpp"

#include <libpq-fe.h>

namespace alignkit {
namespace {

// libpq's messages end in a line break, and may run over several lines.
std::string message_of(const char* text)
{
    std::string m = text != nullptr ? text : "";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) {
        m.pop_back();
    }
    return m.empty() ? std::string("the server gave no reason") : m;
}

} // namespace

struct PostgresConnection::Handle {
    PGconn* connection = nullptr;
    ~Handle() { PQfinish(connection); }
};

PostgresConnection::PostgresConnection(std::unique_ptr<Handle> handle) : m_handle(std::move(handle)) {}
PostgresConnection::PostgresConnection(PostgresConnection&&) noexcept = default;
PostgresConnection& PostgresConnection::operator=(PostgresConnection&&) noexcept = default;
PostgresConnection::~PostgresConnection() = default;

std::optional<PostgresConnection> PostgresConnection::open(const std::string& conninfo, std::string& error)
{
    auto handle = std::make_unique<Handle>();
    handle->connection = PQconnectdb(conninfo.c_str());
    if (handle->connection == nullptr) {
        error = "out of memory connecting to PostgreSQL";
        return std::nullopt;
    }
    if (PQstatus(handle->connection) != CONNECTION_OK) {
        // libpq's message names the host, port and user, never the password.
        error = message_of(PQerrorMessage(handle->connection));
        return std::nullopt;
    }
    return PostgresConnection(std::move(handle));
}

std::optional<QueryRows> PostgresConnection::query(const std::string& sql, std::string& error)
{
    PGresult* result = PQexec(m_handle->connection, sql.c_str());
    const auto status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK) {
        error = message_of(result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(m_handle->connection));
        PQclear(result);
        return std::nullopt;
    }
    QueryRows table;
    const int columns = PQnfields(result), rows = PQntuples(result);
    table.reserve(static_cast<std::size_t>(rows) + 1);
    auto& header = table.emplace_back();
    for (int c = 0; c < columns; ++c) {
        header.emplace_back(PQfname(result, c));
    }
    for (int r = 0; r < rows; ++r) {
        auto& row = table.emplace_back();
        for (int c = 0; c < columns; ++c) {
            row.emplace_back(PQgetvalue(result, r, c), static_cast<std::size_t>(PQgetlength(result, r, c)));
        }
    }
    PQclear(result);
    return table;
}

bool is_postgres_uri(const std::string& text)
{
    return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

} // namespace alignkit
