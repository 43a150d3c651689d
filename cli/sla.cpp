// alignkit sla check PATH...: what the SLA says and does not say, whether it can be met.

#include "alignkit/audit/audit_export.hpp"
#include "alignkit/audit/audit_report.hpp"
#include "alignkit/audit/audit_sql.hpp"
#include "alignkit/audit/campaign_costs.hpp"
#include "alignkit/audit/lookup_table.hpp"
#include "alignkit/audit/sla_audit.hpp"
#include "alignkit/config/loader.hpp"
#include "alignkit/model/references.hpp"
#include "alignkit/sla/sla_diff.hpp"
#include "alignkit/sla/sla_document.hpp"
#include "alignkit/sla/sla_review.hpp"
#include "alignkit/sla/sla_template.hpp"
#include "alignkit/util/csv.hpp"
#include "alignkit/util/text.hpp"
#include "alignkit/util/timestamp.hpp"
#include "alignkit/warehouse/postgres.hpp"
#include "commands.hpp"
#include "export_options.hpp"
#include "findings.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <thread>
#include <tuple>
#include <unistd.h>

namespace alignkit::cli {
namespace {

struct SlaCheckCommand {
    std::vector<std::string> paths;
    FindingsOptions findings;
};

int run_sla_check(const SlaCheckCommand& cmd, const GlobalOptions& global)
{
    auto targets = format_targets("sla check", cmd.findings);
    if (!targets) {
        return exit_failure;
    }
    // The review runs with validate's checks, so suppressions and the settings file apply to
    // its findings too.
    std::vector<SlaReview> reviews;
    const ValidationResult result =
        load_for_findings(cmd.paths, cmd.findings, {}, 0, false,
                          [&reviews](std::span<const Document> documents, const CheckOptions& checks,
                                     Diagnostics& diags) { reviews = review_slas(documents, checks, diags); });
    const bool any = std::any_of(result.documents.begin(), result.documents.end(),
                                 [](const Document& d) { return d.kind == Kind::ServiceLevelAgreement; });
    if (!any && !has_input_failure(result) && !result.diagnostics.has_errors()) {
        std::cerr << fmt::format("alignkit sla check: no ServiceLevelAgreement document in {}\n",
                                 quoted_list(std::vector<std::string_view>(cmd.paths.begin(), cmd.paths.end()), "or"));
        return exit_failure;
    }
    const std::string checklist = global.quiet ? std::string{} : render_sla_review_text(reviews, result.as_of);
    return report_findings(result, *targets, cmd.findings, global, {}, checklist);
}

struct SlaRenderCommand {
    std::vector<std::string> paths;
    std::string format = "markdown";
    std::string output;
};

int run_sla_render(const SlaRenderCommand& cmd, const GlobalOptions& global)
{
    auto format = parse_enum<SlaFormat>(cmd.format);
    if (!format) {
        std::cerr << fmt::format("alignkit sla render: unknown format '{}'; use {}\n", cmd.format,
                                 quoted_list(enum_names<SlaFormat>()));
        return exit_failure;
    }
    ValidationResult loaded;
    if (auto status = load_valid_configs(cmd.paths, today(), global, loaded)) {
        return *status;
    }
    const Document* sla = named_document(loaded, Kind::ServiceLevelAgreement, "sla render");
    if (sla == nullptr) {
        return exit_failure;
    }
    write_output(cmd.output, render_sla_document(build_sla_document(*sla, loaded.documents), *format));
    return exit_ok;
}

struct SlaDiffCommand {
    std::string before;
    std::string after;
    std::string format = "text";
    std::string output;
};

// The one SLA in `path` (and what it refers to); prints why not and returns nullptr otherwise.
const Document* load_one_sla(const std::string& path, const GlobalOptions& global, ValidationResult& loaded,
                             int& status)
{
    if (auto failed = load_valid_configs({path}, today(), global, loaded)) {
        status = *failed;
        return nullptr;
    }
    const Document* found = named_document(loaded, Kind::ServiceLevelAgreement, "sla diff");
    if (found == nullptr) {
        status = exit_failure;
    }
    return found;
}

int run_sla_diff(const SlaDiffCommand& cmd, const GlobalOptions& global)
{
    auto format = parse_enum<DiffFormat>(cmd.format);
    if (!format) {
        std::cerr << fmt::format("alignkit sla diff: unknown format '{}'; use {}\n", cmd.format,
                                 quoted_list(enum_names<DiffFormat>()));
        return exit_failure;
    }
    ValidationResult old_loaded, new_loaded;
    int status = exit_ok;
    const Document* before = load_one_sla(cmd.before, global, old_loaded, status);
    if (before == nullptr) {
        return status;
    }
    const Document* after = load_one_sla(cmd.after, global, new_loaded, status);
    if (after == nullptr) {
        return status;
    }
    const auto& old_sla = std::get<ServiceLevelAgreement>(before->spec);
    const auto& new_sla = std::get<ServiceLevelAgreement>(after->spec);
    const std::string title =
        fmt::format("{}: version {} → {}", after->metadata.name.value, old_sla.version, new_sla.version);
    write_output(cmd.output, render_sla_diff(diff_slas(*before, old_loaded.documents, *after, new_loaded.documents),
                                             title, *format));
    return exit_ok;
}

struct SlaAuditCommand {
    std::string sla;
    std::string export_path;
    std::string as_of;
    std::string format = "text";
    std::string output;
    ExportOptions reading;
    std::string by; // comma-separated
    std::string costs;
    std::string breaches;
    double fail_under_value = 0;
    std::optional<double> fail_under; // set when --fail-under is given
    bool strict = false;
    unsigned jobs = 0; // 0: one per core
    std::string zone, from, until;
    std::string quantiles = "nearest";
    std::string lookup, on;
    std::string activities;
    std::string sql, table; // --sql DIALECT --table NAME: print the query
    std::string result;     // --result FILE: the report from the query's result
    std::string db;         // --db CONNINFO (or a postgresql:// export): run the query there
};

// Exports smaller than this are read before anyone would look at a progress line.
constexpr std::uintmax_t k_progress_from_bytes = 64U << 20;

// A file an option of the audit reads (--costs, --lookup, --activities): opened and read by
// `read`, its problem said with its place; nullopt after saying what is wrong.
template <class Read> auto read_side_file(const std::string& path, std::string_view option, Read read)
{
    std::ifstream file;
    using Result = decltype(read(file, std::declval<CostsError&>()));
    if (path == "-") {
        std::cerr << "alignkit sla audit: " << option << " needs a file, not standard input\n";
        return Result{};
    }
    if (!open_csv_input(path, "sla audit", file)) {
        return Result{};
    }
    CostsError error;
    auto value = read(file, error);
    if (!value) {
        std::cerr << (error.line == 0 ? fmt::format("alignkit sla audit: {}: {}\n", path, error.message)
                                      : fmt::format("alignkit sla audit: {}:{}:{}: {}\n", path, error.line,
                                                    error.column, error.message));
    }
    return value;
}

// The audit's settings from the command line; nullopt after saying what is wrong.
std::optional<AuditSettings> audit_settings(const SlaAuditCommand& cmd, AuditFormat format,
                                            const ServiceLevelAgreement& sla, const LeadDefinitions& defs)
{
    AuditSettings settings;
    auto reading = export_reading("sla audit", cmd.reading);
    if (!reading) {
        return std::nullopt;
    }
    settings.reading = std::move(*reading);
    if (!cmd.by.empty()) {
        std::string error;
        auto by = read_breakdowns(cmd.by, error);
        if (!by) {
            std::cerr << "alignkit sla audit: " << terminal_safe(error, false) << "\n";
            return std::nullopt;
        }
        settings.by = std::move(*by);
    }
    settle_for_format(settings, format);
    if (cmd.lookup.empty() != cmd.on.empty()) {
        std::cerr << "alignkit sla audit: --lookup FILE and --on FIELD go together\n";
        return std::nullopt;
    }
    if (!cmd.lookup.empty()) {
        auto table = read_side_file(cmd.lookup, "--lookup", [&](std::istream& in, CostsError& error) {
            return read_lookup_table(in, cmd.on, error);
        });
        if (!table) {
            return std::nullopt;
        }
        settings.lookup = std::make_shared<const LookupTable>(std::move(*table));
    }
    if (!cmd.costs.empty()) {
        auto costs = read_side_file(cmd.costs, "--costs", read_campaign_costs);
        if (!costs) {
            return std::nullopt;
        }
        settings.costs = std::move(*costs);
    }
    if (!cmd.zone.empty()) {
        settings.zone = cmd.zone;
    }
    const auto quantiles = parse_enum<Quantiles>(cmd.quantiles);
    if (!quantiles) {
        std::cerr << fmt::format("alignkit sla audit: --quantiles '{}': use nearest or linear\n",
                                 terminal_safe(cmd.quantiles, false));
        return std::nullopt;
    }
    settings.quantiles = *quantiles;
    const auto zone = naive_time_zone(sla, settings.zone);
    std::string error;
    if (!cmd.activities.empty()) {
        auto times = read_side_file(cmd.activities, "--activities", [&](std::istream& in, CostsError& problem) {
            return read_activity_times(in, activity_id_headers(settings.reading, defs), zone, problem);
        });
        if (!times) {
            return std::nullopt;
        }
        settings.activities = std::make_shared<const ActivityTimes>(std::move(*times));
    }
    for (auto [text, bound, option] :
         {std::tuple{&cmd.from, &settings.from, "--from"}, std::tuple{&cmd.until, &settings.until, "--until"}}) {
        if (text->empty()) {
            continue;
        }
        *bound = read_period_bound(*text, zone, error);
        if (!*bound) {
            std::cerr << "alignkit sla audit: " << option << ": " << terminal_safe(error, false) << "\n";
            return std::nullopt;
        }
    }
    settings.from_text = cmd.from;
    settings.until_text = cmd.until;
    if (settings.from && settings.until && *settings.until <= *settings.from) {
        std::cerr << "alignkit sla audit: --until must come after --from\n";
        return std::nullopt;
    }
    // --as-of without a zone is a time in the export's zone, as its naive times are.
    if (cmd.as_of.empty()) {
        settings.as_of =
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        return settings;
    }
    const auto as_of = read_as_of(cmd.as_of, zone, error);
    if (!as_of) {
        std::cerr << "alignkit sla audit: " << error << "\n";
        return std::nullopt;
    }
    settings.as_of = *as_of;
    return settings;
}

// The report of an audit, its notices and its verdict, however it was counted.
int report_audit(const AuditResult& result, const SlaAuditCommand& cmd, AuditFormat format)
{
    // Nothing read is dropped silently: what the report says of unaudited terms and rows with
    // problems is said on standard error too.
    for (const auto& notice : audit_notices(result)) {
        std::cerr << "alignkit sla audit: " << terminal_safe(notice) << "\n";
    }
    write_output(cmd.output, render_audit(result, format));
    // For scheduled jobs: a term under the bar, a missed target, or with --strict anything not
    // read fully fails the run.
    const auto failures = audit_failures(result, cmd.fail_under, cmd.strict);
    for (const auto& why : failures) {
        std::cerr << "alignkit sla audit: " << why << "\n";
    }
    return failures.empty() ? exit_ok : exit_findings;
}

// The audit where the records live: its query printed (--sql), or its report made from what
// the query returned (--result).
int run_sla_audit_sql(const SlaAuditCommand& cmd, const ServiceLevelAgreement& sla, const LeadDefinitions& defs,
                      AuditSettings settings, AuditFormat format)
{
    std::string error;
    auto header = audit_columns(defs, settings);
    std::vector<std::vector<std::string>> table;
    std::optional<PostgresConnection> db;
    const bool in_database = !cmd.db.empty() || is_postgres_uri(cmd.export_path);
    if (in_database) {
        db = PostgresConnection::open(cmd.db.empty() ? cmd.export_path : cmd.db, error);
        if (!db) {
            std::cerr << "alignkit sla audit: cannot connect to PostgreSQL: " << terminal_safe(error) << "\n";
            return exit_failure;
        }
        // The table's own columns, so the audit reads what the table has.
        const auto columns =
            db->query(fmt::format("SELECT * FROM {} LIMIT 0", sql_table_name(SqlDialect::postgres, cmd.table)), error);
        if (!columns) {
            std::cerr << fmt::format("alignkit sla audit: --table {}: {}\n", terminal_safe(cmd.table, false),
                                     terminal_safe(error));
            return exit_failure;
        }
        header = columns->front();
    } else if (!cmd.export_path.empty()) {
        // The table holds this export's columns: its header says which.
        auto columns = read_csv_header(cmd.export_path, "sla audit");
        if (!columns) {
            return exit_failure;
        }
        header = std::move(*columns);
    }
    if (!cmd.result.empty()) {
        std::ifstream file;
        if (!open_csv_input(cmd.result, "sla audit", file)) {
            return exit_failure;
        }
        CsvReader reader(cmd.result == "-" ? std::cin : file);
        reader.track_columns(false);
        for (CsvRecord record; reader.next(record);) {
            table.push_back(std::move(record.fields));
        }
        if (!reader.error().empty()) {
            std::cerr << fmt::format("alignkit sla audit: {}: {}\n", cmd.result, reader.error());
            return exit_failure;
        }
        const auto meta = read_warehouse_meta(table, error);
        if (!meta) {
            std::cerr << fmt::format("alignkit sla audit: {}: {}\n", cmd.result, error);
            return exit_failure;
        }
        header = meta->header;
        if (cmd.as_of.empty()) {
            settings.as_of = *meta->as_of; // the as-of the query was compiled with
        }
    }
    auto auditor = SlaAuditor::make(sla, defs, header, settings, error);
    if (!auditor) {
        std::cerr << (cmd.result.empty() ? fmt::format("alignkit sla audit: {}\n", terminal_safe(error))
                                         : fmt::format("alignkit sla audit: {}: made for a table this audit cannot "
                                                       "read: {}\n",
                                                       cmd.result, terminal_safe(error)));
        return exit_failure;
    }
    // With --breaches the query lists them too; they are written from its result.
    const bool list_breaches = !cmd.breaches.empty();
    if (db) {
        const auto query = auditor->to_sql(SqlDialect::postgres, cmd.table, error, list_breaches);
        if (!query) {
            std::cerr << "alignkit sla audit: " << error << "\n";
            return exit_failure;
        }
        auto rows = db->query(*query, error);
        if (!rows) {
            std::cerr << "alignkit sla audit: PostgreSQL refused the audit's query: " << terminal_safe(error) << "\n";
            return exit_failure;
        }
        table = std::move(*rows);
    } else if (cmd.result.empty()) {
        const auto query = auditor->to_sql(*parse_enum<SqlDialect>(cmd.sql), cmd.table, error, list_breaches);
        if (!query) {
            std::cerr << "alignkit sla audit: --sql: " << error << "\n";
            return exit_failure;
        }
        write_output(cmd.output, *query);
        return exit_ok;
    }
    std::optional<StreamingOutput> breaches;
    if (list_breaches) {
        breaches.emplace(cmd.breaches);
        breaches->write(breach_csv_header());
        auditor->on_breach([&](const Breach& b) { breaches->write(breach_csv_line(b)); });
    }
    auto result = auditor->finish_from(table, error);
    if (!result) {
        std::cerr << fmt::format("alignkit sla audit: {}: {}\n", db ? "PostgreSQL's result" : cmd.result, error);
        return exit_failure;
    }
    // The breaches file and the report come from one result: both are written, or neither.
    if (breaches) {
        breaches->commit();
    }
    return report_audit(*result, cmd, format);
}

int run_sla_audit(const SlaAuditCommand& cmd, const GlobalOptions& global)
{
    const auto format = parse_enum<AuditFormat>(cmd.format);
    if (!format) {
        std::cerr << fmt::format("alignkit sla audit: unknown format '{}'; use {}\n", cmd.format,
                                 quoted_list(enum_names<AuditFormat>()));
        return exit_failure;
    }
    // The breaches file never replaces what the audit reads, or its report.
    for (const auto* other : {&cmd.export_path, &cmd.result, &cmd.output, &cmd.sla}) {
        if (same_file(cmd.breaches, *other)) {
            std::cerr << fmt::format("alignkit sla audit: --breaches '{}' is a file the audit reads or writes: give "
                                     "another\n",
                                     terminal_safe(cmd.breaches, false));
            return exit_failure;
        }
    }
    ValidationResult loaded;
    if (auto status = load_valid_configs({cmd.sla}, today(), global, loaded)) {
        return *status;
    }
    const Document* sla_doc = named_document(loaded, Kind::ServiceLevelAgreement, "sla audit");
    if (sla_doc == nullptr) {
        return exit_failure;
    }
    const auto& sla = std::get<ServiceLevelAgreement>(sla_doc->spec);
    const Document* leads = resolve_reference(loaded.documents, *sla_doc, sla.leads, Kind::LeadDefinitions);
    const auto* defs = leads != nullptr ? std::get_if<LeadDefinitions>(&leads->spec) : nullptr;
    if (defs == nullptr) {
        std::cerr << "alignkit sla audit: the SLA's lead definitions were not found; refer to them by relative path\n";
        return exit_failure;
    }
    const bool in_database = !cmd.db.empty() || is_postgres_uri(cmd.export_path);
    const bool warehouse = !cmd.sql.empty() || !cmd.result.empty() || in_database;
    if (in_database && (!cmd.sql.empty() || !cmd.result.empty())) {
        std::cerr << "alignkit sla audit: a database runs the query itself: leave out --sql and --result\n";
        return exit_failure;
    }
    if (in_database && cmd.table.empty()) {
        std::cerr << "alignkit sla audit: a database needs --table NAME, the table or view holding the export's "
                     "columns\n";
        return exit_failure;
    }
    if (!cmd.table.empty() && cmd.sql.empty() && !in_database) {
        std::cerr << "alignkit sla audit: --table names the table --sql or a database reads; an export is read "
                     "without it\n";
        return exit_failure;
    }
    if (!in_database && cmd.export_path.find("://") != std::string::npos) {
        // Not a file, and what follows the scheme may hold a password: it is not shown.
        std::cerr << fmt::format("alignkit sla audit: '{}' is not a file, and a database is named by a "
                                 "postgresql:// URI\n",
                                 terminal_safe(uri_shown(cmd.export_path), false));
        return exit_failure;
    }
    if (!cmd.db.empty() && !cmd.export_path.empty()) {
        std::cerr << "alignkit sla audit: an export and --db: give one of them\n";
        return exit_failure;
    }
    if (!cmd.sql.empty() && !parse_enum<SqlDialect>(cmd.sql)) {
        std::cerr << fmt::format("alignkit sla audit: --sql '{}': use {}\n", terminal_safe(cmd.sql, false),
                                 quoted_list(enum_names<SqlDialect>()));
        return exit_failure;
    }
    if (!cmd.table.empty() && !is_table_name(cmd.table)) {
        std::cerr << fmt::format("alignkit sla audit: --table '{}': a part of the name between dots is empty\n",
                                 terminal_safe(cmd.table, false));
        return exit_failure;
    }
    if (!cmd.sql.empty() && cmd.table.empty()) {
        std::cerr << "alignkit sla audit: --sql needs --table NAME, the table or view holding the export's columns\n";
        return exit_failure;
    }
    if (!cmd.result.empty() ? !cmd.export_path.empty() : !warehouse && cmd.export_path.empty()) {
        std::cerr << (warehouse ? "alignkit sla audit: an export and --result: give one of them\n"
                                : "alignkit sla audit: the export to audit is missing (or --sql DIALECT, or "
                                  "--result FILE)\n");
        return exit_failure;
    }
    if (!cmd.sql.empty() && !cmd.result.empty()) {
        std::cerr << "alignkit sla audit: --sql prints the query and --result reads what it returned: give one\n";
        return exit_failure;
    }
    auto settings = audit_settings(cmd, *format, sla, *defs);
    if (!settings) {
        return exit_failure;
    }
    if (warehouse) {
        return run_sla_audit_sql(cmd, sla, *defs, std::move(*settings), *format);
    }
    std::ifstream file;
    if (!open_csv_input(cmd.export_path, "sla audit", file)) {
        return exit_failure;
    }
    AuditExportOptions options;
    options.settings = std::move(*settings);
    options.jobs = cmd.jobs > 0 ? cmd.jobs : std::max(1U, std::thread::hardware_concurrency());
    std::optional<StreamingOutput> breaches;
    if (!cmd.breaches.empty()) {
        breaches.emplace(cmd.breaches);
        breaches->write(breach_csv_header());
        options.on_breach = [&](const Breach& b) { breaches->write(breach_csv_line(b)); };
    }
    // A progress line for large files, only where a person watches: a terminal on standard error.
    bool progress_shown = false;
    std::error_code size_error;
    const auto export_size = cmd.export_path == "-" ? 0 : std::filesystem::file_size(cmd.export_path, size_error);
    if (!size_error && export_size >= k_progress_from_bytes && isatty(STDERR_FILENO) != 0) {
        options.on_progress = [&, shown = std::chrono::steady_clock::time_point{}](std::uint64_t done) mutable {
            const auto now = std::chrono::steady_clock::now();
            if (now - shown < std::chrono::milliseconds(200)) {
                return;
            }
            shown = now;
            progress_shown = true;
            std::cerr << fmt::format("\ralignkit sla audit: {:3}% of {} MB", done * 100 / export_size,
                                     export_size / 1000000)
                      << std::flush;
        };
    }
    auto outcome = audit_export(cmd.export_path == "-" ? std::cin : file, sla, *defs, options);
    if (progress_shown) {
        std::cerr << "\r\033[K" << std::flush; // the line goes once the work is done
    }
    // The breaches file and the report come from one audit: both are written, or neither.
    if (breaches && outcome.failure == AuditFailure::none) {
        breaches->commit();
    }
    switch (outcome.failure) {
    case AuditFailure::none:
        break;
    case AuditFailure::empty:
        std::cerr << fmt::format("alignkit sla audit: '{}' is empty\n", cmd.export_path);
        return exit_failure;
    case AuditFailure::columns:
        std::cerr << "alignkit sla audit: " << terminal_safe(outcome.error) << "\n";
        return exit_failure;
    case AuditFailure::malformed:
        std::cerr << fmt::format("alignkit sla audit: {}: {}\n", cmd.export_path, outcome.error);
        return exit_findings;
    }
    return report_audit(*outcome.result, cmd, *format);
}

struct SlaInitCommand {
    std::string output;
    bool force = false;
};

int run_sla_init(const SlaInitCommand& cmd)
{
    return write_new_output("sla init", cmd.output, cmd.force, sla_template());
}

} // namespace

void add_sla_command(CLI::App& app, const GlobalOptions& global, Runner& run)
{
    auto* sla = app.add_subcommand("sla", "Service-level agreements between sales and marketing");
    sla->require_subcommand(1);
    auto cmd = std::make_shared<SlaCheckCommand>();
    auto* check = sla->add_subcommand(
        "check", "Report missing or vague clauses, whether the follow-up terms can be met, and inconsistencies");
    check->add_option("paths", cmd->paths, "Files or folders with the SLA (and what it refers to)")->required();
    add_findings_options(*check, cmd->findings);
    check->callback([cmd, &global, &run] { run = [cmd, &global] { return run_sla_check(*cmd, global); }; });

    auto render = std::make_shared<SlaRenderCommand>();
    auto* sub = sla->add_subcommand("render", "Write the SLA as a document people read and sign");
    sub->add_option("paths", render->paths, "The SLA file (and what it refers to, if not by relative path)")
        ->required();
    sub->add_option("-f,--format", render->format, "markdown (default), html or text")->option_text("FORMAT");
    sub->add_option("-o,--output", render->output, "Write to FILE")->check(non_empty);
    sub->callback([render, &global, &run] { run = [render, &global] { return run_sla_render(*render, global); }; });

    auto audit = std::make_shared<SlaAuditCommand>();
    auto* check_records = sla->add_subcommand("audit", "Check the SLA against the records of a CSV export");
    check_records->add_option("sla", audit->sla, "The SLA file (its lead definitions referred to by path)")->required();
    check_records->add_option("export", audit->export_path, "The CSV export, or - for standard input");
    check_records
        ->add_option("--sql", audit->sql,
                     "Print the audit as one SQL query for DIALECT (postgres, duckdb, bigquery, snowflake, spark) "
                     "over --table, with the columns of the export's header if one is given")
        ->option_text("DIALECT");
    check_records
        ->add_option("--db", audit->db,
                     "Run the audit in PostgreSQL: a connection string or URI as libpq reads it (the password "
                     "from PGPASSWORD, ~/.pgpass or a service file); an export argument postgresql://... does "
                     "the same")
        ->option_text("CONNINFO")
        ->check(non_empty);
    check_records->add_option("--table", audit->table, "The table or view --sql or --db reads: the export's columns")
        ->option_text("NAME")
        ->check(non_empty);
    check_records
        ->add_option("--result", audit->result,
                     "Report from what the --sql query returned, as CSV with its header (psql --csv, bq, snowsql, "
                     "spark-sql), instead of reading an export")
        ->option_text("FILE")
        ->check(non_empty);
    check_records
        ->add_option("--as-of", audit->as_of,
                     "The time deadlines are judged at (default now), such as "
                     "2026-07-01T00:00:00Z")
        ->option_text("TIME")
        ->check(non_empty);
    check_records
        ->add_option("--zone", audit->zone,
                     "The time zone of the export's times written without one, such as America/Sao_Paulo (default: "
                     "the SLA calendar's, else UTC); clocks count working time only under the SLA's calendar")
        ->option_text("ZONE")
        ->check(non_empty);
    check_records
        ->add_option("--activities", audit->activities,
                     "A CSV of contact attempts, a row each (the lead id and a time column such as 'at' or "
                     "'Activity date'), for the follow-up window and spacing")
        ->option_text("FILE")
        ->check(non_empty);
    check_records
        ->add_option("--lookup", audit->lookup,
                     "A CSV side table joined on --on (owner -> team, manager, region); its columns can be used "
                     "in --by")
        ->option_text("FILE")
        ->check(non_empty);
    check_records->add_option("--on", audit->on, "The export field --lookup joins on; the table's column of that name")
        ->option_text("FIELD")
        ->check(non_empty);
    check_records
        ->add_option("--quantiles", audit->quantiles,
                     "How medians and p90s are found: nearest (rank, the default) or linear (as pandas median() and "
                     "DuckDB quantile_cont)")
        ->option_text("METHOD");
    check_records->add_option("--from", audit->from, "Volume targets' periods start with the one holding DATE")
        ->option_text("DATE")
        ->check(non_empty);
    check_records->add_option("--until", audit->until, "Volume targets' periods end before DATE (a date or a time)")
        ->option_text("DATE")
        ->check(non_empty);
    check_records
        ->add_option("-f,--format", audit->format,
                     "text (default), markdown, html, json, csv (every table, a row per cell), or canonical: the "
                     "reference audit's JSON")
        ->option_text("FORMAT");
    check_records
        ->add_option("--by", audit->by,
                     "Breakdowns of every term and the funnel, comma-separated: owner, source, month, or any "
                     "column of the export or of --lookup (default owner,source)")
        ->option_text("LIST")
        ->check(non_empty);
    check_records
        ->add_option("--costs", audit->costs,
                     "A CSV of campaign costs (columns source and cost), for cost per lead, per assigned lead and "
                     "per customer")
        ->option_text("FILE")
        ->check(non_empty);
    check_records->add_flag("--strict", audit->strict,
                            "Exit 1 when any row or value cannot be read or a term cannot be audited");
    check_records->add_option("-o,--output", audit->output, "Write to FILE")->check(non_empty);
    add_export_options(*check_records, audit->reading);
    check_records
        ->add_option("--breaches", audit->breaches,
                     "Write one CSV row per breach to FILE; with --sql the query lists them too, and "
                     "--result writes them from what it returned")
        ->option_text("FILE")
        ->check(non_empty);
    check_records->add_option("--fail-under", audit->fail_under_value, "Exit 1 when a term's compliance is under PCT")
        ->option_text("PCT")
        ->check(percentage)
        ->each([audit](const std::string& text) { audit->fail_under = std::stod(text); });
    check_records
        ->add_option("-j,--jobs", audit->jobs, "Pieces of the export audited in parallel (default: one per core)")
        ->option_text("N")
        ->check(job_count);
    check_records->callback(
        [audit, &global, &run] { run = [audit, &global] { return run_sla_audit(*audit, global); }; });

    auto diff = std::make_shared<SlaDiffCommand>();
    auto* compare = sla->add_subcommand("diff", "What changed between two versions of an SLA, in its own terms");
    compare->add_option("old", diff->before, "The earlier SLA file")->required();
    compare->add_option("new", diff->after, "The later SLA file")->required();
    compare->add_option("-f,--format", diff->format, "text (default) or markdown, for a change log")
        ->option_text("FORMAT");
    compare->add_option("-o,--output", diff->output, "Write to FILE")->check(non_empty);
    compare->callback([diff, &global, &run] { run = [diff, &global] { return run_sla_diff(*diff, global); }; });

    auto init = std::make_shared<SlaInitCommand>();
    auto* start = sla->add_subcommand("init", "Write a complete, commented starting SLA with its lead definitions");
    start->add_option("-o,--output", init->output, "Write to FILE (default: standard output)")->check(non_empty);
    start->add_flag("--force", init->force, "Replace FILE if it exists");
    start->callback([init, &run] { run = [init] { return run_sla_init(*init); }; });
}

} // namespace alignkit::cli
