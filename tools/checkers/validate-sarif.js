// Validates SARIF files against the SARIF 2.1.0 JSON schema that npm's
// @microsoft/jest-sarif ships: prints "valid" or the errors, exit 0 or 1.
// The schema is draft-04, hence ajv-draft-04; one of its patterns is not a
// valid unicode regular expression, hence unicodeRegExp: false.
'use strict';
const fs = require('fs');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false, logger: false});
addFormats(ajv);
const validate = ajv.compile(schema);
let failed = false;
for (const file of process.argv.slice(2)) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (validate(doc)) {
    console.log(`${file}: valid`);
  } else {
    failed = true;
    console.log(`${file}: invalid`);
    console.log(JSON.stringify(validate.errors, null, 1));
  }
}
process.exit(failed ? 1 : 0);
