import { describeProgramError } from "../../src/program/program-error";

const HEADER = "Running program '/work/app/index.ts' failed with an unhandled exception:\n";

describe("one line for a program that failed", () => {
    it("names a compiler-options diagnostic, which has no file", () => {
        const logged = `${HEADER}TSError: ⨯ Unable to compile TypeScript:\nerror TS5110: Option 'module' must be set to 'NodeNext' when option 'moduleResolution' is set to 'NodeNext'.\n`;
        expect(describeProgramError(logged, "/work/app")).toBe(
            "TypeScript cannot compile the program: Option 'module' must be set to 'NodeNext' when option 'moduleResolution' is set to 'NodeNext'. (TS5110; check the program's tsconfig.json)");
    });

    it("keeps the cause a message announces with a colon", () => {
        expect(describeProgramError(`${HEADER}Error: cannot read the settings:\nno such file settings.json\n    at main (/work/app/index.ts:3:9)\n`, "/work/app"))
            .toBe("cannot read the settings: no such file settings.json");
    });

    it("gives a plain message alone", () => {
        expect(describeProgramError(`${HEADER}TypeError: x is not a function\n    at main (/work/app/index.ts:3:9)\n`, "/work/app")).toBe("TypeError: x is not a function");
    });
});
