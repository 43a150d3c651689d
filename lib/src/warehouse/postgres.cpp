#include "alignkit/warehouse/postgres.hpp"

#include "alignkit/util/text.hpp"

#include <algorithm>
#include <libpq-fe.h>
#include <string_view>

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

// The password as the connection string writes it: a URI's user:password@, or password=...
// among key=value pairs. libpq quotes a malformed URI back whole in its message.
std::string written_password(std::string_view conninfo)
{
    if (const auto scheme = conninfo.find("://"); scheme != std::string_view::npos) {
        auto rest = conninfo.substr(scheme + 3);
        const auto at = rest.rfind('@', rest.find('/'));
        if (at == std::string_view::npos) {
            return {};
        }
        const auto user = rest.substr(0, at);
        const auto colon = user.find(':');
        return colon == std::string_view::npos ? std::string{} : std::string(user.substr(colon + 1));
    }
    const auto key = conninfo.find("password");
    if (key == std::string_view::npos) {
        return {};
    }
    auto value = conninfo.substr(key + 8);
    value.remove_prefix(std::min(value.find_first_not_of(" ="), value.size()));
    const bool quoted = !value.empty() && value.front() == '\'';
    value.remove_prefix(quoted ? 1 : 0);
    return std::string(value.substr(0, value.find(quoted ? '\'' : ' ')));
}

// The message with the password, wherever it shows, masked.
std::string without_password(std::string message, const std::string& password)
{
    if (password.empty()) {
        return message;
    }
    for (auto at = message.find(password); at != std::string::npos; at = message.find(password, at)) {
        message.replace(at, password.size(), "********");
    }
    return message;
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
        // libpq's message names the host, port and user; a malformed URI it quotes whole.
        error = without_password(message_of(PQerrorMessage(handle->connection)), written_password(conninfo));
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
    const auto scheme = lower_ascii(text.substr(0, text.find("://")));
    return text.find("://") != std::string::npos && (scheme == "postgresql" || scheme == "postgres");
}

std::string uri_shown(const std::string& text)
{
    const auto scheme = text.find("://");
    return scheme == std::string::npos ? text : text.substr(0, scheme + 3) + "...";
}

} // namespace alignkit
