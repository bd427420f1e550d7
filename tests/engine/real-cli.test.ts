// Every engine test (tests/engine/suite.ts) on the first Pulumi CLI of PRODREADY_ENGINE_CLIS, else
// the `pulumi` on the PATH (scripts/install-pulumi-cli.sh builds one at the npm SDK's version), with
// the first share of the scenarios; real-cli-scenarios-N.test.ts carry the other shares. Skipped
// with one line of notice without a CLI.
import { realCliSuite } from "./suite";

realCliSuite(1);
