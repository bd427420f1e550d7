// Share 3 of the scenarios' verdicts under the first Pulumi CLI (see real-cli.test.ts).
import { realCliSuite } from "./suite";

realCliSuite(3);
