// Writes man/alignkit-config.5 from `alignkit schema`, so the reference of every kind
// and field comes from the declarations the loader checks against.
//
// usage: alignkit schema | node scripts/gen-config-man.mjs SETTINGS.json > man/alignkit-config.5
// where SETTINGS.json is `alignkit schema --settings` (the settings file's section).
// The test docs/config-reference fails when the committed page differs from this output.
import { readFileSync } from "node:fs";

const schema = JSON.parse(readFileSync(0, "utf8"));
const settings = JSON.parse(readFileSync(process.argv[2], "utf8"));
const out = [];
const esc = (s) =>
  String(s)
    .replace(/\\/g, "\\e")
    .replace(/-/g, "\\-")
    .replace(/`([^`]*)`/g, "\\fB$1\\fR")
    .replace(/^([.'])/, "\\&$1");

function typeName(s) {
  if (s.const !== undefined) return `\\fB${esc(s.const)}\\fR`;
  if (s.enum) return "one of " + s.enum.map((v) => `\\fB${esc(v)}\\fR`).join(", ");
  if (s.anyOf) return esc(s.description);
  const p = s.pattern || "";
  if (s.type === "string" && p.includes("w)?")) return "duration";
  if (s.type === "string" && p.startsWith("^[0-9]{4}")) return "date";
  if (s.type === "string" && p.includes("%$")) return "percentage";
  if (s.type === "string" && p.includes("):[0-5][0-9]-")) return "working hours";
  if (s.type === "string" && p.startsWith("^[a-z]")) return "name";
  if (s.type === "string") return "text";
  if (s.type === "integer") return s.minimum !== undefined ? `whole number, at least ${s.minimum}` : "whole number";
  if (s.type === "number") return s.exclusiveMinimum !== undefined ? `number above ${s.exclusiveMinimum}` : "number";
  if (s.type === "boolean") return "true or false";
  if (s.type === "array") {
    const min = s.minItems ? `, at least ${s.minItems}` : "";
    return `list of ${s.items.type === "object" ? "mappings" : typeName(s.items)}${min}`;
  }
  if (s.type === "object" && s.properties) return "mapping";
  if (s.type === "object" && s.propertyNames) return `mapping of code (such as AK3015) to ${typeName(s.additionalProperties)}`;
  if (s.type === "object") return `mapping of name to ${typeName(s.additionalProperties)}`;
  return "value";
}

function fields(s, path) {
  const required = new Set(s.required || []);
  for (const [key, prop] of Object.entries(s.properties || {})) {
    const full = path ? `${path}.${key}` : key;
    out.push(".TP", `.B ${esc(full)}`);
    out.push(`${typeName(prop)}${required.has(key) ? ", required" : ""}.`);
    if (prop.description) out.push(esc(prop.description));
    if (prop.oneOf) out.push(`Exactly one of ${prop.oneOf.map((b) => `\\fB${b.required[0]}\\fR`).join(" and ")}.`);
    const inner = prop.type === "array" ? prop.items : prop;
    if (inner.oneOf && inner.properties) out.push(`Each has exactly one of ${inner.oneOf.map((b) => `\\fB${b.required[0]}\\fR`).join(" and ")}.`);
    if (inner.type === "object" && inner.properties) fields(inner, prop.type === "array" ? `${full}[]` : full);
  }
}

out.push(
  '.TH ALIGNKIT-CONFIG 5 "2026-11-22" "alignkit 0.1.0" "File Formats"',
  ".SH NAME",
  "alignkit-config \\- the YAML configs alignkit reads",
  ".SH DESCRIPTION",
  "Every config is a YAML document of the same shape; a file may hold several,",
  "separated by \\fB\\-\\-\\-\\fR lines:",
  ".PP",
  ".EX",
  "apiVersion: alignkit/v1",
  "kind: ServiceLevelAgreement",
  "metadata:",
  "  name: acme\\-sla\\-2027",
  "  title: Acme Sales & Marketing SLA",
  "spec:",
  "  ...",
  ".EE",
  ".PP",
  "\\fBkind\\fR is one of \\fBQuestionnaire\\fR, \\fBResponse\\fR, \\fBServiceLevelAgreement\\fR,",
  "\\fBLeadDefinitions\\fR and \\fBGlossary\\fR; \\fBmetadata.name\\fR is unique among documents",
  "of a kind.",
  "Every key below is checked: an unknown key is an error, with the closest known key",
  "as a hint.",
  ".SH VALUES",
  ".TP",
  ".B text",
  "Any text. Quote text that YAML would read as something else: \\fBversion: \"2.10\"\\fR,",
  "not \\fBversion: 2.10\\fR (the number 2.1).",
  ".TP",
  ".B name",
  "Lowercase letters and digits, with single \\fB\\-\\fR or \\fB_\\fR between them, starting",
  "with a letter, at most 63 characters: \\fBacme\\-sla\\-2027\\fR, \\fBfollow_up\\fR.",
  ".TP",
  ".B whole number, number",
  "Written in decimal, unquoted: \\fB6\\fR, \\fB1.5\\fR. Octal (\\fB010\\fR) and hex (\\fB0x18\\fR)",
  "forms are refused rather than guessed.",
  ".TP",
  ".B duration",
  "Whole numbers with units, largest first: \\fB90m\\fR, \\fB4h\\fR, \\fB1h30m\\fR,",
  "\\fB3d\\fR, \\fB2w\\fR (w weeks, d days, h hours, m minutes).",
  ".TP",
  ".B date",
  "An ISO 8601 calendar date that exists: \\fB2027\\-01\\-31\\fR.",
  ".TP",
  ".B working hours",
  "A range on a 24\\-hour clock: \\fB09:00\\-17:30\\fR; \\fB24:00\\fR may end a day.",
  ".TP",
  ".B percentage",
  "A number with a percent sign, from 0% to 100%: \\fB25%\\fR, \\fB12.5%\\fR.",
  ".TP",
  ".B reference",
  "A document is referred to by its name (\\fBbrightline\\-leads\\fR), by kind and name",
  "(\\fBLeadDefinitions/brightline\\-leads\\fR), or by a path relative to the referring file",
  "(\\fB../shared/leads.yaml\\fR), which is then read too.",
  ".SH CRITERIA",
  "The \\fBentry\\fR and \\fBexit\\fR criteria of lifecycle stages are conditions over the",
  "lead fields declared under \\fBfields\\fR, for example:",
  ".PP",
  ".EX",
  "fit_score >= 50 and country in [\"US\", \"CA\"] and not is_student",
  ".EE",
  ".TP",
  ".B values",
  "Field names; numbers (\\fB50\\fR, \\fB2.5\\fR); text in double quotes (\\fB\"US\"\\fR, with",
  "\\fB\\e\"\\fR for a quote); \\fBtrue\\fR and \\fBfalse\\fR; dates (\\fB2027\\-01\\-31\\fR);",
  "durations (\\fB3d\\fR).",
  ".TP",
  ".B comparisons",
  "\\fB=\\fR, \\fB!=\\fR, \\fB<\\fR, \\fB<=\\fR, \\fB>\\fR, \\fB>=\\fR between values of the same type;",
  "text and true/false compare only with \\fB=\\fR and \\fB!=\\fR.",
  ".TP",
  ".B tests",
  "\\fIfield\\fR \\fBin [\\fR\\fIvalue\\fR, ...\\fB]\\fR and \\fBnot in\\fR; \\fIfield\\fR \\fBcontains\\fR",
  "\\fItext\\fR; \\fIfield\\fR \\fBis set\\fR and \\fBis empty\\fR; a true/false field alone.",
  ".TP",
  ".B logic",
  "\\fBnot\\fR binds tightest, then \\fBand\\fR, then \\fBor\\fR; parentheses group.",
  ".PP",
  "\\fBalignkit validate\\fR reads every criterion, checks that it uses declared fields with",
  "values of their type, and reports criteria that can never hold",
  "(\\fBfit_score >= 50 and fit_score < 30\\fR) and later stages that an earlier stage's",
  "criteria rule out.",
  ".PP",
  "A field with \\fBignore_case: true\\fR compares its text without regard to the case of ASCII",
  "letters (\\fBdeal_stage = \"won\"\\fR holds for \\fBWon\\fR); a field's \\fBmissing\\fR values",
  "(\\fB[\"Select\", \"unknown\"]\\fR) read as empty, so \\fBis set\\fR is false for them and",
  "criteria need not exclude them by hand.",
  ".SH READING AN EXPORT",
  "\\fBalignkit sla audit\\fR reads a lead's stages and the SLA's terms from the lead definitions.",
  ".TP",
  ".B where a stage's time comes from",
  "A lifecycle stage or exit is dated by the datetime field its \\fBat\\fR names, \\fB<id>_at\\fR",
  "when it names none. It is reached in any of the ways its \\fBreached\\fR lists:",
  "\\fBdate\\fR, its date is set (the default); \\fBentry\\fR, its entry criteria hold on the",
  "record (\\fBdeal_stage = \"Won\"\\fR, dated by \\fBat: close_date\\fR); \\fBlater\\fR, a later",
  "lifecycle stage was reached (a customer was an MQL); \\fBall\\fR, every record of the export",
  "is at the stage or past it (an MQL export, a deal pipeline). Exits take \\fBdate\\fR and",
  "\\fBentry\\fR, with an \\fBentry\\fR criterion of their own. A stage reached without a time",
  "counts in the funnel's volumes and conversions and starts no clock. Two stages reached",
  "only by dates read from one column are one stage to the audit: \\fBvalidate\\fR warns (AK3017)",
  "and the audit says so in its report.",
  ".TP",
  ".B roles",
  "The fields the audit reads for its terms, under \\fBroles\\fR: \\fBlead_id\\fR, \\fBowner\\fR,",
  "\\fBsource\\fR, \\fBassigned_at\\fR (the hand-off: when the owner got the lead),",
  "\\fBfirst_touch_at\\fR, \\fBattempts\\fR (a count), \\fBattempt_times\\fR (a datetime field per",
  "attempt, for the follow-up window and spacing) and \\fBdisqualify_reason\\fR. A role not given",
  "is read from the field named as the role (\\fBattempts\\fR: \\fBtouch_attempts\\fR), and a",
  "field from its \\fBcolumn\\fR, else the column of its name. The disqualification is the exit",
  "the SLA's \\fBdisqualification.exit\\fR names (\\fBdisqualified\\fR without one).",
  ".TP",
  ".B time zones",
  "A datetime field's \\fBzone\\fR is the zone its times without one are in; other such times",
  "are in the zone \\fBsla audit \\-\\-zone\\fR gives, else the SLA calendar's, else UTC.",
);

// The envelope is the same for every kind: describe it once, then each kind's spec.
const first = Object.values(schema.$defs)[0];
out.push(".SH ENVELOPE");
const envelope = Object.fromEntries(Object.entries(first.properties).filter(([k]) => k !== "spec"));
envelope.kind = { ...envelope.kind, const: undefined, enum: Object.keys(schema.$defs) };
fields({ ...first, properties: envelope }, "");
for (const [kind, s] of Object.entries(schema.$defs)) {
  out.push(`.SH ${kind.toUpperCase()}`, `The \\fBspec\\fR of a document of kind \\fB${kind}\\fR.`);
  fields(s.properties.spec, "spec");
}

out.push(
  ".SH SETTINGS FILE",
  "The settings file, \\fB.alignkit.yaml\\fR (or \\fB.alignkit.yml\\fR), says once for a repository",
  "what every run of \\fBvalidate\\fR, \\fBleads check\\fR and \\fBsla check\\fR there applies. It is",
  "the first found in the working folder or the nearest folder above it; \\fB\\-\\-config\\fR \\fIFILE\\fR",
  "names another and \\fB\\-\\-no\\-config\\fR reads none. It is one YAML mapping, not a document of",
  "a kind, and every key is optional. Its own problems are findings of the run, with file, line",
  "and column; what is valid in it still applies. Found in a folder being validated it is checked",
  "as a settings file, never as a config, and it does not count as a config checked.",
);
fields(settings, "");
out.push(
  ".PP",
  "A code set to \\fBoff\\fR (quote it, \\fB\"off\"\\fR, for YAML 1.1 tools that read a bare off as",
  "false) is reported nowhere; the summary counts its findings as turned off. The codes that say",
  "the input could not be read (AK0001 to AK0005, AK0007 to AK0010) cannot be set, or a gate could",
  "pass without checking anything. The \\fBexclude\\fR lines apply to paths below the file's folder,",
  "named on the command line or found in a folder; a path named and left out is listed, and a run",
  "that checks nothing for that reason still fails (AK0010) unless \\fB\\-\\-only\\-configs\\fR is given.",
  "\\fB\\-\\-as\\-of\\fR on the command line wins over \\fBas_of\\fR.",
  "\\fBalignkit schema \\-\\-settings\\fR prints its JSON Schema; \\fBexamples/settings/.alignkit.yaml\\fR",
  "is an example.",
);

out.push(
  ".SH SEE ALSO",
  ".BR alignkit (1),",
  ".BR alignkit-validate (1),",
  ".BR alignkit-schema (1)",
);
process.stdout.write(out.join("\n") + "\n");
