#include "alignkit/exports/export_presets.hpp"

namespace alignkit {
namespace {

using Preset = std::map<std::string, std::vector<std::string>>;

// HubSpot's contact export writes property labels. Lifecycle dates are "Became a ... Date";
// the owner's assignment and the count of logged contact attempts are standard properties.
// HubSpot has no standard date or reason of disqualification: map your own with --columns.
const Preset k_hubspot{
    {"lead_id", {"Record ID", "Contact ID", "Deal ID"}},
    {"owner", {"Contact owner", "Lead owner", "Deal owner", "HubSpot Owner"}},
    {"source", {"Original Source", "Original Traffic Source"}},
    {"created_at", {"Create Date"}},
    {"subscriber_at", {"Became a Subscriber Date"}},
    {"lead_at", {"Became a Lead Date"}},
    {"mql_at", {"Became a Marketing Qualified Lead Date"}},
    {"sql_at", {"Became a Sales Qualified Lead Date"}},
    {"opportunity_at", {"Became an Opportunity Date"}},
    {"customer_at", {"Became a Customer Date"}},
    {"evangelist_at", {"Became an Evangelist Date"}},
    {"assigned_at", {"Owner Assigned Date"}},
    {"first_touch_at", {"First Engagement Date", "Date of first engagement"}},
    {"touch_attempts", {"Number of times contacted"}},
    {"lifecycle_stage", {"Lifecycle Stage"}},
    {"lead_status", {"Lead Status"}},
    {"email", {"Email"}},
    // The deal export: one row per deal, its stage now, and when it closed (or is expected to).
    {"deal_name", {"Deal Name"}},
    {"deal_stage", {"Deal Stage"}},
    {"pipeline", {"Pipeline"}},
    {"close_date", {"Close Date"}},
    {"amount", {"Amount"}},
    {"closed_lost_reason", {"Closed Lost Reason"}},
    {"closed_won_reason", {"Closed Won Reason"}},
};

// Salesforce's lead and contact reports write field labels; Data Loader and the weekly data
// export write API names, so both are listed. A converted lead's "Converted Date" is read as the SQL date.
// Salesforce has no standard MQL date, owner-assignment date, attempt count or disqualification
// reason: map your org's custom fields with --columns.
const Preset k_salesforce{
    {"lead_id", {"Lead ID", "Contact ID", "Opportunity ID", "Id"}},
    {"owner", {"Lead Owner", "Contact Owner", "Opportunity Owner", "Owner Name", "OwnerId"}},
    {"source", {"Lead Source", "LeadSource"}},
    {"created_at", {"Create Date", "Created Date", "CreatedDate"}},
    {"sql_at", {"Converted Date", "ConvertedDate"}},
    {"first_touch_at", {"First Call Date", "FirstCallDateTime", "First Email Date", "FirstEmailDateTime"}},
    {"lead_status", {"Lead Status", "Status"}},
    {"email", {"Email"}},
    // The opportunity report and Data Loader export: the stage now, whether it is closed and
    // won, and the close date (expected while open).
    {"opportunity_name", {"Opportunity Name", "Name"}},
    {"stage_name", {"Stage", "StageName"}},
    {"is_won", {"Won", "IsWon"}},
    {"is_closed", {"Closed", "IsClosed"}},
    {"close_date", {"Close Date", "CloseDate"}},
    {"amount", {"Amount"}},
    {"account_name", {"Account Name"}},
};

} // namespace

const Preset* export_preset(std::string_view name)
{
    if (name == "hubspot") {
        return &k_hubspot;
    }
    if (name == "salesforce") {
        return &k_salesforce;
    }
    return nullptr;
}

std::vector<std::string> export_preset_names() { return {"hubspot", "salesforce"}; }

} // namespace alignkit
