#include "alignkit/config/schema.hpp"

#include "config/declarations.hpp"

#include <doctest/doctest.h>
#include <functional>
#include <string>

using namespace alignkit;

TEST_CASE("each kind's schema is draft 2020-12 and closed")
{
    for (auto name : enum_names<Kind>()) {
        CAPTURE(name);
        auto schema = json_schema(parse_enum<Kind>(name));
        CHECK(schema.find("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"") != std::string::npos);
        CHECK(schema.find("\"title\": \"alignkit " + std::string(name) + "\"") != std::string::npos);
        CHECK(schema.find("\"additionalProperties\": false") != std::string::npos);
    }
}

TEST_CASE("the schema is made from the loader's declarations: every declared key appears")
{
    // Walk the declarations and look for each field in the exported schema.
    std::function<void(const decl::TypeDecl&, const std::string&)> walk = [&](const decl::TypeDecl& t,
                                                                              const std::string& schema) {
        for (const auto& f : t.fields) {
            CAPTURE(f.name);
            CHECK(schema.find("\"" + std::string(f.name) + "\": {") != std::string::npos);
            walk(*f.type, schema);
        }
        if (t.items) {
            walk(*t.items, schema);
        }
        for (const auto& a : t.alternatives) {
            walk(*a, schema);
        }
    };
    for (auto name : enum_names<Kind>()) {
        auto kind = *parse_enum<Kind>(name);
        walk(decl::document_type(kind), json_schema(kind));
    }
}

TEST_CASE("the combined schema dispatches on kind")
{
    auto schema = json_schema(std::nullopt);
    for (auto name : enum_names<Kind>()) {
        CHECK(schema.find("\"$ref\": \"#/$defs/" + std::string(name) + "\"") != std::string::npos);
    }
}
