import { resourcePolicy } from "../../lib/define";
import { given, showSetting, text } from "../../lib/values";

/**
 * The Lambda runtimes AWS has deprecated, with the date of deprecation (the end of security patches),
 * from https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html.
 */
const DEPRECATED_ON: Readonly<Record<string, string>> = {
    "dotnet8": "2026-11-10",
    "nodejs20.x": "2026-04-30",
    "ruby3.2": "2026-03-31",
    "python3.9": "2025-12-15",
    "nodejs18.x": "2025-09-01",
    "dotnet6": "2024-12-20",
    "python3.8": "2024-10-14",
    "nodejs16.x": "2024-06-12",
    "dotnet7": "2024-05-14",
    "java8": "2024-01-08",
    "go1.x": "2024-01-08",
    "provided": "2024-01-08",
    "nodejs14.x": "2023-12-04",
    "python3.7": "2023-12-04",
    "ruby2.7": "2023-11-27",
    "dotnetcore3.1": "2023-04-03",
    "nodejs12.x": "2023-03-31",
    "python3.6": "2022-07-18",
    "dotnet5.0": "2022-05-10",
    "dotnetcore2.1": "2022-01-05",
    "nodejs10.x": "2021-07-30",
    "ruby2.5": "2021-07-30",
    "python2.7": "2021-07-15",
    "nodejs8.10": "2020-03-06",
    "nodejs4.3": "2020-03-05",
    "nodejs4.3-edge": "2020-03-05",
    "nodejs6.10": "2019-08-12",
    "dotnetcore1.0": "2019-07-27",
    "dotnetcore2.0": "2019-05-30",
    "nodejs": "2016-10-31",
};

export default resourcePolicy({
    name: "aws-lambda-disallow-deprecated-runtime",
    description: "Lambda functions do not run on a runtime AWS has deprecated: a deprecated runtime gets no more security patches, functions on it lose technical support, and AWS then blocks creating and updating them, so a fix cannot be deployed.",
    priority: "P1",
    severity: "high",
    checklist: ["003.code-quality-testing.docker-image-scanned"],
    remediationSteps: "Move the function to a supported runtime of its language (nodejs22.x or nodejs24.x, python3.12 or later, java21, dotnet10, ruby3.4, provided.al2023) and test it there.",
    tags: ["workload-security"],
    config: {
        deprecatedRuntimes: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            default: Object.keys(DEPRECATED_ON),
            description: "Runtime identifiers a function may not use. Default: every runtime AWS's Lambda runtime table gives a deprecation date that has passed (dotnet8 2026-11-10, nodejs20.x 2026-04-30, ruby3.2 2026-03-31, python3.9 2025-12-15, nodejs18.x 2025-09-01, dotnet6 2024-12-20, python3.8 2024-10-14, nodejs16.x 2024-06-12, and older); 003 asks for the image a service runs scanned for vulnerabilities, and a Lambda runtime is the function's image, which AWS stops patching at deprecation. Add a runtime when AWS deprecates it (java8.al2, java11, java17, python3.10, python3.11 and provided.al2 run on Amazon Linux 2).",
        },
    },
    resourceTypes: ["aws:lambda/function:Function"],
    validate: ({ name, props }, config, report) => {
        // A function packaged as a container image has no runtime: its image chooses one.
        const runtime = given(props.runtime);
        const id = text(runtime)?.trim();
        if (id === undefined || !config.deprecatedRuntimes.includes(id)) {
            return;
        }
        const since = DEPRECATED_ON[id] ? ` (deprecated by AWS on ${DEPRECATED_ON[id]})` : "";
        report(`Lambda function '${name}' runs on runtime ${showSetting(runtime)}${since}, which gets no security patches and which AWS blocks from updates: move it to a supported runtime of its language.`);
    },
});
