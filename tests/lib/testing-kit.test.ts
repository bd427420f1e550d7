// The test kit as a team meets it (require('prodready').testing): the engine's config by default,
// plain @pulumi/policy policies as well as prodready's builders, and the SDK server's endings.
import { ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../../policies/lib/define";
import { checkResource, checkStack, engineConfig, UNKNOWN, urnOf } from "../../policies/testing";

const POD = "kubernetes:core/v1:Pod";

/** A provider class as the SDK's generated classes carry their type. */
class Pod {
    static readonly __pulumiType = POD;
}

const labelled = resourcePolicy({
    name: "acme-kubernetes-require-team-label",
    description: "Pods name their team.",
    priority: "P1",
    severity: "low",
    checklist: [],
    remediationSteps: "Add the team label.",
    config: { label: { type: "string", default: "team", description: "The label that names the team." } },
    resourceTypes: [POD],
    validate: ({ props }, config, report) => {
        const labels = (props.metadata as { labels?: Record<string, unknown> } | undefined)?.labels ?? {};
        if (typeof labels[config.label] !== "string") {
            report(`no '${config.label}' label`);
        }
    },
});

describe("the test kit's config", () => {
    it("gives each setting its schema default, then the settings a spec passes", () => {
        expect(checkResource(labelled, { type: POD, props: { metadata: { labels: { team: "search" } } } })).toEqual({ violations: [] });
        expect(checkResource(labelled, { type: POD, props: { metadata: { labels: { team: "search" } } }, config: { label: "owner" } }))
            .toEqual({ violations: ["no 'owner' label"] });
        expect(engineConfig(labelled, { enforcementLevel: "mandatory", label: "owner" })).toMatchObject({ label: "owner", allowUnknown: false });
    });

    it("refuses a setting the policy does not declare, so a misspelt one fails the spec", () => {
        expect(() => checkResource(labelled, { type: POD, props: {}, config: { lable: "owner" } }))
            .toThrow(/^acme-kubernetes-require-team-label has no setting "lable" \(settings: label, exemptions, exemptionsFromResources, allowUnknown\)$/);
        const plain: ResourceValidationPolicy = { name: "plain", description: "", validateResource: () => undefined };
        expect(() => checkResource(plain, { type: POD, props: {}, config: { anything: 1 } })).toThrow('plain has no setting "anything" (settings: none)');
    });
});

describe("the test kit on plain @pulumi/policy policies", () => {
    const privileged: ResourceValidationPolicy = {
        name: "plain-no-privileged-pods",
        description: "No privileged pods.",
        validateResource: validateResourceOfType(Pod as never, (pod: any, _args, report) => {
            if (pod.spec.containers.some((c: any) => c.securityContext?.privileged === true)) {
                report("a container runs privileged");
            }
        }),
    };

    it("tells the resource's type to isType, as the SDK's server does", () => {
        const pod = { spec: { containers: [{ name: "app", securityContext: { privileged: true } }] } };
        expect(checkResource(privileged, { type: POD, props: pod })).toEqual({ violations: ["a container runs privileged"] });
        // Another type: validateResourceOfType declares itself not applicable.
        expect(checkResource(privileged, { type: "kubernetes:apps/v1:Deployment", props: pod }).notApplicable).toMatch(/kubernetes:core\/v1:Pod/);
    });

    it("reports a value unknown during preview as unknown, and keeps the violations of the other functions of a list", () => {
        const both: ResourceValidationPolicy = {
            name: "plain-two-checks",
            description: "",
            validateResource: [
                (args) => { void (args.props.spec as { containers: unknown[] }).containers.length; },
                (args, report) => { if (!args.props.metadata) report("no metadata"); },
            ],
        };
        const verdict = checkResource(both, { type: POD, props: { spec: { containers: UNKNOWN } } });
        expect(verdict.violations).toEqual(["no metadata"]);
        expect(verdict.unknown).toEqual(expect.any(String));
    });

    it("fails a policy that changes the properties it reads, or validates asynchronously", () => {
        const writer: ResourceValidationPolicy = { name: "plain-writer", description: "", validateResource: (args) => { (args.props as any).touched = true; } };
        expect(() => checkResource(writer, { type: POD, props: {} })).toThrow("plain-writer changed the properties it judged: policies must only read them");
        const later: ResourceValidationPolicy = { name: "plain-async", description: "", validateResource: async () => undefined };
        expect(() => checkResource(later, { type: POD, props: {} })).toThrow(/plain-async validates asynchronously/);
    });

    it("links a stack's resources by URN and records the URN each violation names", () => {
        const orphans: StackValidationPolicy = {
            name: "plain-no-orphan-configmaps",
            description: "",
            validateStack: (args, report) => {
                for (const r of args.resources.filter((r) => r.type === "kubernetes:core/v1:ConfigMap" && !r.parent)) {
                    report(`${r.name} has no parent`, r.urn);
                }
                const child = args.resources.find((r) => r.name === "child")!;
                if (child.parent?.name !== "app" || child.dependencies.map((d) => d.name).join() !== "app") {
                    report("the graph is not linked");
                }
            },
        };
        const app = { type: "my:index:App", name: "app", props: {} };
        const verdict = checkStack(orphans, [
            app,
            { type: "kubernetes:core/v1:ConfigMap", name: "child", props: {}, parent: urnOf(app.type, "app"), dependencies: [urnOf(app.type, "app")] },
            { type: "kubernetes:core/v1:ConfigMap", name: "loose", props: {} },
        ]);
        expect(verdict).toEqual({ violations: ["loose has no parent"], urns: [urnOf("kubernetes:core/v1:ConfigMap", "loose")] });
    });
});
