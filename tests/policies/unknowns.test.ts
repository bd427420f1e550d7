// The helpers that let a policy read only what decides it: each is run on properties behind the
// SDK's own unknown-checking proxy, with an unrelated value unknown during preview, and must still
// give the known answer; where the unknown value decides, it must still throw the SDK's error.
import { missingEntries } from "../../policies/lib/checks";
import { cacheBehaviours, publicIngress } from "../../policies/lib/edge";
import { containers, describeWorkload, eachContainer, unlessWorkloadListed } from "../../policies/lib/kubernetes";
import { kubernetesVariable } from "../../policies/lib/runtime-env";
import {
    anyPasses, attempt, isUnknownValueError, judgeEach, judgeItems, known, knownItems, knownOr, Parts, someItem, unlessListed,
} from "../../policies/lib/unknowns";
import { holdsDeclared, text } from "../../policies/lib/values";
import { UNKNOWN } from "../harness/policy";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as { unknownCheckingProxy: <T extends object>(value: T) => T };

/** Properties as a policy sees them during preview. */
const preview = <T extends object>(value: T): T => unknownCheckingProxy(JSON.parse(JSON.stringify(value)));

/** Runs a judgement, returning what it reported and whether it ended unknown. */
function run(judge: (report: (message: string) => void) => void): { reported: string[]; unknown: boolean } {
    const reported: string[] = [];
    try {
        judge((message) => reported.push(message));
    } catch (error) {
        if (!isUnknownValueError(error)) {
            throw error;
        }
        return { reported, unknown: true };
    }
    return { reported, unknown: false };
}

describe("reading only what decides", () => {
    const props = preview({ known: "a", unknown: UNKNOWN, list: [UNKNOWN, "b", "ALL"], only: [UNKNOWN] });

    it("known, attempt and knownOr read a value and set an unknown one aside", () => {
        expect(known(() => props.known)).toEqual({ value: "a" });
        expect(known(() => props.unknown)).toBeUndefined();
        expect(attempt(() => props.known)).toEqual({ value: "a" });
        expect(isUnknownValueError(attempt(() => props.unknown).unknown)).toBe(true);
        expect(knownOr(() => props.unknown, "its position")).toBe("its position");
    });

    it("anyPasses and someItem let a known passing item decide before an unknown one", () => {
        expect(someItem(props.list, (item) => item === "ALL")).toBe(true);
        expect(anyPasses([() => props.unknown, () => props.known], (read) => read() === "a")).toBe(true);
        expect(() => someItem(props.only, (item) => item === "ALL")).toThrow();
    });

    it("knownItems and missingEntries read the known items first", () => {
        const items = knownItems(props.list);
        expect(items.items).toEqual(["b", "ALL"]);
        expect(isUnknownValueError(items.unknown)).toBe(true);
        expect(missingEntries(props.list, ["b"], text)).toEqual([]);
        expect(() => missingEntries(props.list, ["c"], text)).toThrow();
    });

    it("judgeEach, judgeItems and Parts report a known violation over an unknown sibling, and are unknown only without one", () => {
        expect(run((report) => judgeItems(props.list, report, (item, _i, report) => item === "b" && report("b is wrong")))).toEqual({ reported: ["b is wrong"], unknown: false });
        expect(run((report) => judgeItems(props.list, report, () => undefined))).toEqual({ reported: [], unknown: true });
        expect(run((report) => judgeEach(["unknown", "known"], report, (key, report) => key === "known" ? report("known") : void props.unknown))).toEqual({ reported: ["known"], unknown: false });
        expect(run((report) => {
            const parts = new Parts(report);
            parts.setAside(attempt(() => props.unknown).unknown);
            parts.judge(() => parts.report("found"));
            parts.settle();
        })).toEqual({ reported: ["found"], unknown: false });
    });

    it("unlessListed reads what the list matches only when the list is not empty and something may be wrong", () => {
        const unknownName = () => props.unknown === "agent";
        expect(run((report) => unlessListed([], unknownName, report, (report) => report("wrong")))).toEqual({ reported: ["wrong"], unknown: false });
        expect(run((report) => unlessListed(["agent"], unknownName, report, () => undefined))).toEqual({ reported: [], unknown: false });
        expect(run((report) => unlessListed(["agent"], unknownName, report, (report) => report("wrong")))).toEqual({ reported: [], unknown: true });
        expect(run((report) => unlessListed(["agent"], () => true, report, (report) => report("wrong")))).toEqual({ reported: [], unknown: false });
    });

    it("holdsDeclared counts an item unknown during preview as set", () => {
        expect(holdsDeclared(preview({ arns: [UNKNOWN] }).arns)).toBe(true);
        expect(holdsDeclared(preview({ arns: [""] }).arns)).toBe(false);
    });
});

describe("Kubernetes helpers", () => {
    const workload = preview({
        metadata: { name: UNKNOWN, namespace: UNKNOWN },
        spec: {
            initContainers: [UNKNOWN],
            containers: [{ name: UNKNOWN, image: "app:1", env: [UNKNOWN, { name: "LOG_LEVEL", value: "debug" }] }],
            ephemeralContainers: UNKNOWN,
        },
    });
    const spec = workload.spec as unknown as Record<string, unknown>;

    it("containers lists an unknown container or group without reading it, and names a container with an unknown name by position", () => {
        const views = containers(spec);
        expect(views.map((v) => v.role)).toEqual(["init container", "container", "ephemeral container"]);
        expect(views[1].name).toBe("#0");
        expect(() => views[0].container).toThrow();
        expect(() => views[2].name).toThrow();
    });

    it("describeWorkload names a workload whose metadata name is unknown by its Pulumi name", () => {
        expect(describeWorkload("kubernetes:core/v1:Pod", "web", workload)).toBe("Pod 'web'");
    });

    it("eachContainer reports a known container's violation beside unknown ones", () => {
        const judged = run((report) => eachContainer({ type: "kubernetes:core/v1:Pod", name: "web", props: workload }, report, (view, where, report) => {
            if (text(view.container.image) === "app:1") {
                report(`${where} is judged`);
            }
        }));
        expect(judged).toEqual({ reported: ["container '#0' of Pod 'web' is judged"], unknown: false });
    });

    it("unlessWorkloadListed reads the namespace and name only when a non-empty list may exempt a violation", () => {
        const subject = { name: "web", props: workload };
        expect(run((report) => unlessWorkloadListed([], subject, report, (report) => report("wrong")))).toEqual({ reported: ["wrong"], unknown: false });
        expect(run((report) => unlessWorkloadListed(["kube-system/*"], subject, report, () => undefined))).toEqual({ reported: [], unknown: false });
        expect(run((report) => unlessWorkloadListed(["kube-system/*"], subject, report, (report) => report("wrong")))).toEqual({ reported: [], unknown: true });
    });

    it("kubernetesVariable reads one env item, leaving its value for later", () => {
        expect(kubernetesVariable(preview({ item: { name: "DB_HOST", value: UNKNOWN } }).item)?.name).toBe("DB_HOST");
        expect(() => kubernetesVariable(preview({ item: { name: "DB_HOST", value: UNKNOWN } }).item)?.value()).toThrow();
    });
});

describe("AWS edge helpers", () => {
    it("cacheBehaviours reads a behaviour only when judged, and leaves an unknown path pattern out of its name", () => {
        const behaviours = cacheBehaviours(preview({
            defaultCacheBehavior: { viewerProtocolPolicy: "allow-all" },
            orderedCacheBehaviors: [UNKNOWN, { pathPattern: UNKNOWN, viewerProtocolPolicy: "https-only" }],
        }));
        expect(behaviours.map((b) => b.where)).toEqual(["defaultCacheBehavior", "orderedCacheBehaviors[0]", "orderedCacheBehaviors[1]"]);
        expect(behaviours[0].behaviour?.viewerProtocolPolicy).toBe("allow-all");
        expect(() => behaviours[1].behaviour).toThrow();
    });

    it("publicIngress gives the rules known to be open and sets an unknown one aside", () => {
        const found = publicIngress("aws:ec2/securityGroup:SecurityGroup", "web", preview({
            ingress: [UNKNOWN, { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [UNKNOWN, "0.0.0.0/0"] }],
        }));
        expect(found.rules).toEqual([expect.objectContaining({ where: "security group 'web' ingress #2", kind: "ports", from: 22, to: 22 })]);
        expect(isUnknownValueError(found.unknown)).toBe(true);
    });
});
