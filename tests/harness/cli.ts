// How a command-line error must read: exit 2, nothing on stdout, one line on stderr.
export interface CliResult {
    code: number | null;
    stdout: string;
    stderr: string;
}

export function expectOneLineError(result: CliResult, pattern: RegExp): void {
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^prodready: error: /);
    expect(lines[0]).toMatch(pattern);
}
