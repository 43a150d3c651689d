// Any bytes as a survey export answering the built-in questionnaire: import gives responses
// or diagnostics, never a crash.
#include "alignkit/assessment/builtin_questionnaire.hpp"
#include "alignkit/assessment/response_import.hpp"
#include "alignkit/config/loader.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace alignkit;
    static const std::vector<Document> questionnaire = [] {
        Diagnostics diags;
        return parse_config(builtin_questionnaire(), "questionnaire.yaml", diags);
    }();
    if (questionnaire.size() != 1) {
        std::abort();
    }
    Diagnostics diags;
    (void)import_responses_csv(std::string_view(reinterpret_cast<const char*>(data), size), "survey.csv",
                               questionnaire.front(), diags);
    return 0;
}
