// The SDK's own mock run of a program (the baseline of the preview benchmark): pulumi.runtime.setMocks,
// then the program, in one process, no policy pack. Run with ts-node: mock-run.ts <program dir>.
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";

const dir = path.resolve(process.argv[2] ?? ".");
let registered = 0;
pulumi.runtime.setMocks({
    newResource: (args) => {
        registered++;
        return { id: `${args.name}-id`, state: args.inputs };
    },
    call: (args) => args.inputs,
}, "bench", "dev", true);
process.on("beforeExit", () => {
    if (registered === 0) {
        console.error("the program registered nothing");
        process.exitCode = 1;
    }
});
process.chdir(dir);
require(path.join(dir, "index.ts"));
