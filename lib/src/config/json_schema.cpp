#include "alignkit/config/schema.hpp"
#include "alignkit/config/settings.hpp"
#include "alignkit/model/version.hpp"
#include "config/declarations.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

namespace alignkit {
namespace {

using Json = nlohmann::ordered_json;
using decl::TypeDecl;
using decl::ValueKind;

constexpr std::string_view k_draft = "https://json-schema.org/draft/2020-12/schema";

// Patterns mirror the loader's parsers; ranges the patterns cannot say (a date that does
// not exist, a percentage over 100) are left to `alignkit validate`.
Json to_schema(const TypeDecl& type)
{
    switch (type.kind) {
    case ValueKind::text:
        return {{"type", "string"}, {"pattern", "\\S"}};
    case ValueKind::name:
        return {{"type", "string"}, {"pattern", "^[a-z][a-z0-9]*([-_][a-z0-9]+)*$"}, {"maxLength", 63}};
    case ValueKind::integer:
    case ValueKind::number: {
        Json s = {{"type", type.kind == ValueKind::integer ? "integer" : "number"}};
        if (type.minimum) {
            s[type.exclusive_minimum ? "exclusiveMinimum" : "minimum"] = *type.minimum;
        }
        if (type.maximum) {
            s["maximum"] = *type.maximum;
        }
        return s;
    }
    case ValueKind::boolean:
        return {{"type", "boolean"}};
    case ValueKind::duration:
        return {{"type", "string"}, {"pattern", "^([0-9]+w)?([0-9]+d)?([0-9]+h)?([0-9]+m)?$"}, {"minLength", 2}};
    case ValueKind::date:
        return {{"type", "string"}, {"pattern", "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"}};
    case ValueKind::time_range:
        return {{"type", "string"},
                {"pattern", "^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"}};
    case ValueKind::percentage:
        return {{"type", "string"}, {"pattern", "^[0-9]+(\\.[0-9]+)?%$"}};
    case ValueKind::enumeration:
        return {{"enum", Json(std::vector<std::string_view>(type.values.begin(), type.values.end()))}};
    case ValueKind::constant:
        return {{"const", type.values.front()}};
    case ValueKind::list: {
        Json s = {{"type", "array"}, {"items", to_schema(*type.items)}};
        if (type.min_items > 0) {
            s["minItems"] = type.min_items;
        }
        return s;
    }
    case ValueKind::map: {
        Json s = {{"type", "object"}, {"additionalProperties", to_schema(*type.items)}};
        if (!type.description.empty()) {
            s["description"] = type.description;
        }
        return s;
    }
    case ValueKind::one_of: {
        Json alternatives = Json::array();
        for (const auto& alternative : type.alternatives) {
            alternatives.push_back(to_schema(*alternative));
        }
        return {{"description", type.description}, {"anyOf", std::move(alternatives)}};
    }
    case ValueKind::object: {
        Json properties = Json::object();
        Json required = Json::array();
        for (const auto& field : type.fields) {
            Json property = to_schema(*field.type);
            property["description"] = field.description;
            properties[std::string(field.name)] = std::move(property);
            if (field.required) {
                required.push_back(field.name);
            }
        }
        Json s = {{"type", "object"}, {"properties", std::move(properties)}};
        if (!required.empty()) {
            s["required"] = std::move(required);
        }
        s["additionalProperties"] = false;
        if (!type.one_required.empty()) {
            Json choices = Json::array();
            for (auto key : type.one_required) {
                // The key declared again in its branch (as `true`: the parent says what it
                // holds), so that ajv's strict mode finds every required name defined.
                choices.push_back({{"properties", {{std::string(key), true}}}, {"required", Json::array({key})}});
            }
            s["oneOf"] = std::move(choices);
        }
        return s;
    }
    }
    return Json::object();
}

Json kind_schema(Kind kind)
{
    Json s = {{"title", "alignkit " + std::string(to_string(kind))}};
    s.update(to_schema(decl::document_type(kind)));
    return s;
}

} // namespace

std::string json_schema(std::optional<Kind> kind)
{
    Json root = {{"$schema", k_draft}};
    if (kind) {
        root.update(kind_schema(*kind));
        return root.dump(2) + "\n";
    }
    root["title"] = "alignkit config (any kind)";
    root["description"] =
        "Schema of alignkit " + std::string(version()) + " config documents; `kind` selects the rest.";
    root["type"] = "object";
    root["required"] = Json::array({"apiVersion", "kind", "metadata", "spec"});
    root["properties"] = {
        {"kind",
         {{"enum", Json(std::vector<std::string_view>(enum_names<Kind>().begin(), enum_names<Kind>().end()))}}}};
    Json branches = Json::array();
    Json defs = Json::object();
    for (auto name : enum_names<Kind>()) {
        defs[std::string(name)] = kind_schema(*parse_enum<Kind>(name));
        branches.push_back({{"if", {{"properties", {{"kind", {{"const", name}}}}}, {"required", {"kind"}}}},
                            {"then", {{"$ref", "#/$defs/" + std::string(name)}}}});
    }
    root["allOf"] = std::move(branches);
    root["$defs"] = std::move(defs);
    return root.dump(2) + "\n";
}

std::string json_settings_schema()
{
    Json root = {{"$schema", k_draft}, {"title", "alignkit settings file (.alignkit.yaml)"}};
    root.update(to_schema(decl::settings_type()));
    // The codes a setting may name, as `alignkit explain` spells them or in lowercase, as
    // parse_code takes them; the links, as the loader takes them.
    Json codes = Json::array();
    for (const auto& c : all_codes()) {
        if (!is_fixed_severity(c.code)) {
            codes.push_back(c.id);
            std::string lower(c.id);
            std::transform(lower.begin(), lower.end(), lower.begin(),
                           [](unsigned char ch) { return std::tolower(ch); });
            codes.push_back(lower);
        }
    }
    root["properties"]["severity"]["propertyNames"] = {{"enum", std::move(codes)}};
    for (const auto* link : {"information_uri", "help_uri"}) {
        root["properties"]["sarif"]["properties"][link]["pattern"] = "^https?://[^\\s\"<>]+$";
    }
    return root.dump(2) + "\n";
}

} // namespace alignkit
