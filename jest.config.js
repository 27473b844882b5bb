/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "CommonJS", moduleResolution: "node", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true } }]
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 60000
};
