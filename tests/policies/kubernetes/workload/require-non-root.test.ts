import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/workload/require-non-root";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import type { Plain } from "../plain";
import * as fixtures from "./fixtures";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

function deployment(mutate?: (args: Plain<k8s.apps.v1.DeploymentArgs>) => void): k8s.apps.v1.DeploymentArgs {
    const args: Plain<k8s.apps.v1.DeploymentArgs> = {
        metadata: { name: "web" },
        spec: {
            selector: { matchLabels: { app: "web" } },
            template: {
                metadata: { labels: { app: "web" } },
                spec: {
                    securityContext: { runAsNonRoot: true, runAsUser: 1000 },
                    initContainers: [{ name: "migrate", image: "app:1.2.3" }],
                    containers: [{ name: "app", image: "app:1.2.3" }],
                },
            },
        },
    };
    mutate?.(args);
    return args;
}

describe("kubernetes-workload-require-non-root", () => {
    it("passes a pod-level non-root securityContext", () => {
        expect(checkResource(policy, { type: DEPLOYMENT, props: deployment() }).violations).toEqual([]);
    });

    it("fires when a container overrides the pod with runAsUser: 0", () => {
        const { violations } = checkResource(policy, {
            type: DEPLOYMENT,
            props: deployment((d) => { d.spec.template.spec!.containers[0].securityContext = { runAsUser: 0 }; }),
        });
        expect(violations).toHaveLength(1);
        expect(violations[0]).toContain("container 'app' of Deployment 'web' runs as root");
    });

    it("fires on an init container that runs as root", () => {
        const { violations } = checkResource(policy, {
            type: DEPLOYMENT,
            props: deployment((d) => { d.spec.template.spec!.initContainers![0].securityContext = { runAsUser: 0 }; }),
        });
        expect(violations).toEqual([expect.stringContaining("init container 'migrate'")]);
    });

    it("fires when runAsNonRoot and runAsUser are omitted", () => {
        const { violations } = checkResource(policy, {
            type: DEPLOYMENT,
            props: deployment((d) => { delete d.spec.template.spec!.securityContext; }),
        });
        expect(violations).toHaveLength(2);
        expect(violations[0]).toContain("may run as root");
    });

    it("fires on a runAsUser that is not a number, without crashing", () => {
        const { violations } = checkResource(policy, {
            type: DEPLOYMENT,
            props: deployment((d) => { d.spec.template.spec!.securityContext = { runAsUser: "root" as unknown as number }; }),
        });
        expect(violations[0]).toContain("not a uid");
    });

    it("lets a container-level runAsNonRoot fix a root pod default", () => {
        const { violations } = checkResource(policy, {
            type: "kubernetes:core/v1:Pod",
            props: { metadata: { name: "p" }, spec: { containers: [{ name: "app", image: "a:1", securityContext: { runAsNonRoot: true } }] } } satisfies k8s.core.v1.PodArgs,
        });
        expect(violations).toEqual([]);
    });

    it("covers CronJob job templates", () => {
        const cron: k8s.batch.v1.CronJobArgs = {
            metadata: { name: "nightly" },
            spec: { schedule: "0 3 * * *", jobTemplate: { spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "job", image: "job:1" }] } } } } },
        };
        expect(checkResource(policy, { type: "kubernetes:batch/v1:CronJob", props: cron }).violations).toEqual([
            expect.stringContaining("container 'job' of CronJob 'nightly' may run as root"),
        ]);
    });

    it("judges only what a Patch sets", () => {
        const patch = { metadata: { name: "web" }, spec: { template: { spec: { containers: [{ name: "app", image: "app:2" }] } } } };
        expect(checkResource(policy, { type: "kubernetes:apps/v1:DeploymentPatch", props: patch }).violations).toEqual([]);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, {
            type: DEPLOYMENT,
            props: deployment((d) => { d.spec.template.spec!.securityContext!.runAsUser = UNKNOWN as unknown as number; }),
        });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes a minimum uid from config", () => {
        const props = deployment();
        expect(checkResource(policy, { type: DEPLOYMENT, props, config: { minimumRunAsUser: 2000 } }).violations).toHaveLength(2);
    });

    describe("disallowRootGroup", () => {
        const rootGroupPod = fixtures.podSpec({ securityContext: { ...fixtures.POD_SECURITY, runAsGroup: 0 } });

        it("accepts runAsGroup: 0 by default (the checklists and Pod Security Standards judge the user)", () => {
            expect(checkResource(policy, fixtures.deployment(rootGroupPod)).violations).toEqual([]);
        });

        it("fires on every container of a pod in the root group when set", () => {
            expect(checkResource(policy, { ...fixtures.deployment(rootGroupPod), config: { disallowRootGroup: true } }).violations).toEqual([
                expect.stringContaining("init container 'migrate' of Deployment 'app' runs in the root group (runAsGroup: 0)"),
                expect.stringContaining("container 'app' of Deployment 'app' runs in the root group (runAsGroup: 0)"),
            ]);
        });

        it("lets a container override the pod's group, in both directions", () => {
            const fixed = fixtures.podSpec({
                securityContext: { ...fixtures.POD_SECURITY, runAsGroup: 0 },
                initContainers: [],
                containers: [fixtures.appContainer({ securityContext: { ...fixtures.HARDENED, runAsGroup: 1000 } })],
            });
            expect(checkResource(policy, { ...fixtures.cronJob(fixed), config: { disallowRootGroup: true } }).violations).toEqual([]);
            const broken = fixtures.podSpec({ initContainers: [], containers: [fixtures.appContainer({ securityContext: { ...fixtures.HARDENED, runAsGroup: 0 } })] });
            expect(checkResource(policy, { ...fixtures.pod(broken), config: { disallowRootGroup: true } }).violations).toEqual([
                expect.stringContaining("container 'app' of Pod 'app' runs in the root group"),
            ]);
        });

        it("fires on a runAsGroup that is not a number, and passes an omitted one", () => {
            const odd = fixtures.podSpec({ securityContext: { ...fixtures.POD_SECURITY, runAsGroup: "wheel" as never }, initContainers: [] });
            expect(checkResource(policy, { ...fixtures.deployment(odd), config: { disallowRootGroup: true } }).violations).toEqual([expect.stringContaining("not a gid")]);
            const omitted = fixtures.podSpec({ securityContext: { ...fixtures.POD_SECURITY, runAsGroup: undefined } });
            expect(checkResource(policy, { ...fixtures.deployment(omitted), config: { disallowRootGroup: true } }).violations).toEqual([]);
        });

        it("reports a group unknown during preview as unknown", () => {
            const unknown = fixtures.podSpec({ securityContext: { ...fixtures.POD_SECURITY, runAsGroup: UNKNOWN as never } });
            const verdict = checkResource(policy, { ...fixtures.deployment(unknown), config: { disallowRootGroup: true } });
            expect(verdict.unknown).toBeDefined();
            expect(verdict.violations).toEqual([]);
        });
    });

    describe("requireRunAsNonRoot", () => {
        const uidOnly = fixtures.podSpec({ securityContext: { ...fixtures.POD_SECURITY, runAsNonRoot: undefined }, initContainers: [] });

        it("accepts a non-root runAsUser without runAsNonRoot by default", () => {
            expect(checkResource(policy, fixtures.deployment(uidOnly)).violations).toEqual([]);
        });

        it("requires runAsNonRoot: true as well when set", () => {
            expect(checkResource(policy, { ...fixtures.deployment(uidOnly), config: { requireRunAsNonRoot: true } }).violations).toEqual([
                expect.stringContaining("container 'app' of Deployment 'app' does not set securityContext.runAsNonRoot: set securityContext.runAsNonRoot: true"),
            ]);
            expect(checkResource(policy, { ...fixtures.deployment(), config: { requireRunAsNonRoot: true } }).violations).toEqual([]);
        });

        it("judges the pod-level fields as written when set", () => {
            const overridden = fixtures.podSpec({
                securityContext: { runAsNonRoot: false, runAsUser: 0 },
                initContainers: [],
                containers: [fixtures.appContainer({ securityContext: { ...fixtures.HARDENED, runAsNonRoot: true, runAsUser: 1000 } })],
            });
            expect(checkResource(policy, fixtures.deployment(overridden)).violations).toEqual([]);
            expect(checkResource(policy, { ...fixtures.deployment(overridden), config: { requireRunAsNonRoot: true } }).violations).toEqual([
                expect.stringContaining("the pod of Deployment 'app' sets securityContext.runAsNonRoot: false"),
                expect.stringContaining("the pod of Deployment 'app' sets securityContext.runAsUser: 0"),
            ]);
        });
    });

    it("reports a root container when the pod's runAsNonRoot, a sibling container, the name and the namespace are unknown during preview", () => {
        const props = deployment((d) => {
            d.metadata = { name: UNKNOWN, namespace: UNKNOWN };
            d.spec.template.spec!.securityContext = { runAsNonRoot: UNKNOWN as never, runAsUser: 1000 };
            d.spec.template.spec!.initContainers = [UNKNOWN as never];
            d.spec.template.spec!.containers[0].securityContext = { runAsUser: 0 };
        });
        expect(checkResource(policy, { type: DEPLOYMENT, props })).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' runs as root (runAsUser: 0)")] });
        const compliant = deployment((d) => { d.metadata = { name: UNKNOWN, namespace: UNKNOWN }; });
        expect(checkResource(policy, { type: DEPLOYMENT, props: compliant })).toEqual({ violations: [] });
    });
});
