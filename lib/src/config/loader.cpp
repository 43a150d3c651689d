#include "alignkit/config/loader.hpp"

#include "alignkit/util/text.hpp"
#include "config/build_model.hpp"
#include "config/declarations.hpp"
#include "config/shape_check.hpp"
#include "config/yaml_tree.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <vector>

namespace alignkit {
namespace {

// Values one document may expand to: far beyond any hand-written config, far below what
// an alias bomb would need to hurt.
constexpr std::size_t k_value_budget = 250'000;

// An upper bound on how deep the YAML nests, found without parsing: block indentation
// levels, compact "- " entries, and flow brackets outside quotes and comments. It lets us
// refuse hostile input before the parser recurses into it.
// Returns the offset where the nesting first goes past `limit`, if it does.
std::optional<std::size_t> too_deep_at(std::string_view text, int limit)
{
    std::vector<std::size_t> indents;
    int flow = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view line = text.substr(pos, end - pos);
        std::size_t indent = line.find_first_not_of(' ');
        if (indent != std::string_view::npos && line[indent] != '#') {
            // "- - - x" nests one level per dash.
            while (indent + 1 < line.size() && (line[indent] == '-' || line[indent] == '?') &&
                   line[indent + 1] == ' ') {
                indent = line.find_first_not_of(' ', indent + 1);
                if (indent == std::string_view::npos) {
                    indent = line.size();
                    break;
                }
                while (!indents.empty() && indents.back() >= indent) {
                    indents.pop_back();
                }
                indents.push_back(indent);
            }
            while (!indents.empty() && indents.back() > indent) {
                indents.pop_back();
            }
            if (indents.empty() || indents.back() < indent) {
                indents.push_back(indent);
            }
            if (static_cast<int>(indents.size()) + flow > limit) {
                return pos + indent;
            }
            char quote = 0;
            for (std::size_t i = indent; i < line.size(); ++i) {
                const char c = line[i];
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '#' && (i == 0 || line[i - 1] == ' ')) {
                    break;
                } else if (c == '[' || c == '{') {
                    if (static_cast<int>(indents.size()) + ++flow > limit) {
                        return pos + i;
                    }
                } else if ((c == ']' || c == '}') && flow > 0) {
                    --flow;
                }
            }
        }
        pos = end + 1;
    }
    return std::nullopt;
}

// The checks that must pass before the text is handed to the YAML parser.
bool precheck(std::string_view text, const std::string& file, Diagnostics& diags)
{
    if (text.size() > k_max_config_bytes) {
        diags.add(
            Code::file_too_large, file, {},
            fmt::format("the file is {} bytes; configs may be at most {} bytes", text.size(), k_max_config_bytes));
        return false;
    }
    if (auto nul = text.find('\0'); nul != std::string_view::npos) {
        diags.add(Code::binary_file, file, position_of(text, nul),
                  "the file contains a NUL byte; it is not a text file");
        return false;
    }
    if (auto bad = first_invalid_utf8(text)) {
        diags.add(Code::not_utf8, file, position_of(text, *bad),
                  fmt::format("byte 0x{:02X} is not valid UTF-8", static_cast<unsigned char>(text[*bad])),
                  "save the file as UTF-8");
        return false;
    }
    if (auto deep = too_deep_at(text, k_max_nesting)) {
        diags.add(Code::too_deep, file, position_of(text, *deep),
                  fmt::format("the document nests deeper than {} levels", k_max_nesting));
        return false;
    }
    return true;
}

// Checks apiVersion and kind; returns the kind when the document can be read further.
std::optional<Kind> read_envelope(const yaml::Node& node, const std::string& file, Diagnostics& diags)
{
    if (!node.is_map()) {
        diags.add(Code::not_a_mapping, file, node.pos,
                  fmt::format("a document must be a mapping, found {}", yaml::describe(node)),
                  "start the document with 'apiVersion: alignkit/v1' and 'kind: ...'");
        return std::nullopt;
    }
    auto api = yaml::child(node, "apiVersion");
    auto kind = yaml::child(node, "kind");
    bool ok = true;
    if (!api) {
        diags.add(Code::missing_key, file, node.pos, "the document is missing 'apiVersion'",
                  "add 'apiVersion: alignkit/v1'");
        ok = false;
    } else if (!api->is_scalar() || api->value != k_api_version) {
        diags.add(Code::bad_api_version, file, api->pos, fmt::format("unsupported apiVersion {}", yaml::describe(*api)),
                  fmt::format("this alignkit reads '{}'", k_api_version));
        ok = false;
    }
    std::optional<Kind> result;
    if (!kind) {
        diags.add(Code::missing_key, file, node.pos, "the document is missing 'kind'",
                  "add 'kind:' with one of " + quoted_list(enum_names<Kind>()));
        ok = false;
    } else if (result = kind->is_scalar() ? parse_enum<Kind>(kind->value) : std::nullopt; !result) {
        auto hint = kind->is_scalar() ? did_you_mean(kind->value, enum_names<Kind>()) : std::string{};
        diags.add(Code::unknown_kind, file, kind->pos, fmt::format("unknown kind {}", yaml::describe(*kind)),
                  hint.empty() ? "use one of " + quoted_list(enum_names<Kind>()) : hint);
        ok = false;
    }
    return ok ? result : std::nullopt;
}

void read_document(const yaml::Node& node, const std::string& file, Diagnostics& diags, std::vector<Document>& out)
{
    auto kind = read_envelope(node, file, diags);
    if (!kind) {
        return;
    }
    ShapeContext ctx{file, diags, k_value_budget, false, {}};
    const bool shape_ok = check_shape(node, decl::document_type(*kind), ctx);

    Document doc;
    doc.file = file;
    doc.pos = node.pos;
    doc.kind = *kind;
    auto metadata = yaml::child(node, "metadata");
    if (metadata && metadata->is_map()) {
        doc.metadata = build_metadata(*metadata);
    }
    if (shape_ok) {
        build_spec(doc, *yaml::child(node, "spec"));
    }
    if (!doc.metadata.name.value.empty() || doc.has_spec()) {
        out.push_back(std::move(doc));
    }
}

} // namespace

std::vector<Document> parse_config(std::string_view text, std::string_view file_name, Diagnostics& diags)
{
    const std::string file(file_name);
    std::vector<Document> documents;
    if (!precheck(text, file, diags)) {
        return documents;
    }
    yaml::Tree tree;
    yaml::parse(text, tree);
    // Documents before a syntax error are complete: check them too.
    for (const auto* node : tree.documents) {
        read_document(*node, file, diags, documents);
    }
    if (tree.error) {
        diags.add(Code::yaml_syntax, file, tree.error->pos, tree.error->message);
    } else if (tree.documents.empty()) {
        diags.add(Code::empty_file, file, {}, "the file holds no YAML document");
    }
    return documents;
}

} // namespace alignkit
