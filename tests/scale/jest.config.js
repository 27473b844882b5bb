/**
 * The scale test alone (10,000 generated actions through the Office.js code on the strict fake):
 * `npm run test:scale`, and a step of its own in `npm test` (scripts/test-all.js). The unit run
 * (jest.config.js) leaves this folder out.
 * @type {import('jest').Config}
 */
const base = require("../../jest.config.js");

module.exports = {
  ...base,
  rootDir: "../..",
  roots: ["<rootDir>/tests/scale"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 300000,
};
