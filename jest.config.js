/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // The scale test runs on its own (tests/scale/jest.config.js, `npm run test:scale`).
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/scale/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "CommonJS", moduleResolution: "node", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true } }]
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 60000
};
