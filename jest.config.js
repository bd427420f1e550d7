/** @type {import('jest').Config} */
module.exports = {
    testEnvironment: "node",
    roots: ["<rootDir>/tests"],
    testMatch: ["**/*.test.ts"],
    // Type errors are caught once by `tsc` in `npm test`; jest only transpiles, which keeps it fast.
    transform: {
        "^.+\\.ts$": ["ts-jest", { diagnostics: false }],
        // The pack's secret detection (secretlint's rule preset) ships as ES modules only; Node
        // loads it with require(), jest needs it compiled to CommonJS.
        "/node_modules/@secretlint/.+\\.js$": ["ts-jest", { diagnostics: false, tsconfig: { allowJs: true } }],
    },
    transformIgnorePatterns: ["/node_modules/(?!@secretlint/)"],
    testTimeout: 180000,
    maxConcurrency: 3,
};
