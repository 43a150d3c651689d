// Validates YAML or JSON documents against a JSON Schema with ajv, the validator a CI user
// would reach for. Multi-document YAML files are split; YAML is read with the core schema
// (no timestamps), as YAML 1.2 and yaml-language-server read it.
//
// usage: node check-schema.mjs [--expect-invalid] SCHEMA.json FILE...
// Exit 0 when every document is valid (or, with --expect-invalid, when every file has at
// least one invalid document); 1 otherwise. Errors are printed per document.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import yaml from "js-yaml";

const args = process.argv.slice(2);
const expectInvalid = args[0] === "--expect-invalid";
if (expectInvalid) args.shift();
const [schemaPath, ...files] = args;
if (!schemaPath || files.length === 0) {
  console.error("usage: node check-schema.mjs [--expect-invalid] SCHEMA.json FILE...");
  process.exit(2);
}

const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const draft04 = String(schema.$schema || "").includes("draft-04");
// alignkit's schemas compile in ajv's strict mode, strictRequired included; SARIF's own
// schema (draft-04) is not written for it.
const ajv = draft04
  ? new AjvDraft04({ allErrors: true, strict: false })
  : new Ajv2020({ allErrors: true, strict: true, strictRequired: true });
addFormats(ajv);
const validate = ajv.compile(schema);

let failed = false;
for (const file of files) {
  const text = readFileSync(file, "utf8");
  let documents;
  let invalid = 0;
  try {
    documents = file.endsWith(".json")
      ? [JSON.parse(text)]
      : yaml.loadAll(text, null, { schema: yaml.CORE_SCHEMA }).filter((d) => d !== null && d !== undefined);
  } catch (e) {
    // Unreadable YAML (a syntax error, a duplicate key) is rejected before any schema applies.
    documents = [];
    invalid = 1;
    if (!expectInvalid) console.log(`${file}: ${e.message.split("\n")[0]}`);
  }
  documents.forEach((doc, i) => {
    if (!validate(doc)) {
      invalid++;
      if (!expectInvalid) {
        console.log(`${file} [document ${i + 1}]:`);
        for (const e of validate.errors) console.log(`  ${e.instancePath || "/"} ${e.message}`);
      }
    }
  });
  if (expectInvalid ? invalid === 0 : invalid > 0) {
    if (expectInvalid) console.log(`${file}: expected the schema to reject it, but every document passed`);
    failed = true;
  }
}
console.log(`${files.length} files checked against ${schemaPath}: ${failed ? "FAILED" : "ok"}`);
process.exit(failed ? 1 : 0);
