const os = require("os");

/** @type {import('jest').Config} */
module.exports = {
    // Most suites wait on child processes (programs, the engine, Python), so a second worker
    // pays even on two cores, where jest would otherwise run every suite in one process.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testEnvironment: "node",
    roots: ["<rootDir>/tests"],
    testMatch: ["**/*.test.ts"],
    testSequencer: "<rootDir>/tests/harness/sequencer.js",
    setupFiles: ["<rootDir>/tests/setup-env.ts"],
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
