// jest starts its workers with FORCE_COLOR=1 when it runs in a terminal, and every command line a
// test spawns would inherit it: prodready honours FORCE_COLOR, so the text reports the tests read
// would be coloured in a terminal and plain in CI. Tests that need colour set it themselves.
delete process.env.FORCE_COLOR;
