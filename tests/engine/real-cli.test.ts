// Every engine test (tests/engine/suite.ts) on the first Pulumi CLI of PRODREADY_ENGINE_CLIS, else
// the `pulumi` on the PATH (scripts/install-pulumi-cli.sh builds one at the npm SDK's version).
// Skipped with one line of notice without a CLI.
import { engineClis } from "./clis";
import { engineSuite } from "./suite";

const [first] = engineClis();
if (first) {
    engineSuite(first, { full: true });
} else {
    process.stderr.write("engine tests skipped: no pulumi CLI on PATH; run scripts/install-pulumi-cli.sh\n");
    describe.skip("the real Pulumi engine", () => {
        it("needs a pulumi CLI", () => undefined);
    });
}
