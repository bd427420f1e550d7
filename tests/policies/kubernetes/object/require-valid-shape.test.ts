import type * as k8s from "@pulumi/kubernetes";
import * as fs from "fs";
import * as path from "path";
import policy from "../../../../policies/kubernetes/object/require-valid-shape";
import { SERVED_KINDS, unservedKind } from "../../../../policies/lib/kubernetes";
import { checkResource, ResourceCase, UNKNOWN } from "../../../harness/policy";
import { appContainer, cronJob, CUSTOM_SHAPES, deployment, deploymentPatch, HARDENED, job, pod, podSpec, rollout, SHAPES, statefulSet, UNKNOWN_METADATA } from "../workload/fixtures";

/** Every resource type the Kubernetes provider registers, read from its compiled classes. */
function providerTypes(): string[] {
    const tokens = new Set<string>();
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(full);
            } else if (entry.name.endsWith(".js")) {
                for (const m of fs.readFileSync(full, "utf8").matchAll(/__pulumiType = '(kubernetes:[^']+)'/g)) {
                    tokens.add(m[1]);
                }
            }
        }
    };
    walk(path.join(__dirname, "..", "..", "..", "..", "node_modules", "@pulumi", "kubernetes"));
    return [...tokens];
}

/** Swaps the type of a fixture, keeping its props. */
function as(type: string, subject: ResourceCase): ResourceCase {
    return { ...subject, type };
}

describe("the served-kinds table", () => {
    const types = providerTypes();

    it("accepts every type the provider registers", () => {
        expect(types.filter((type) => unservedKind(type) !== undefined)).toEqual([]);
    });

    it("lists only kinds the provider registers", () => {
        const registered = new Set(types);
        const listed = Object.entries(SERVED_KINDS).flatMap(([groupVersion, kinds]) => kinds.split(" ").map((kind) => `kubernetes:${groupVersion}:${kind}`));
        expect(listed.filter((type) => !registered.has(type))).toEqual([]);
    });
});

describe("kubernetes-object-require-valid-shape", () => {
    it.each(Object.entries({ ...SHAPES, ...CUSTOM_SHAPES }))("passes a valid %s", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("passes objects that carry no pod template", () => {
        const configMap: k8s.core.v1.ConfigMapArgs = { metadata: { name: "app" }, data: { LOG_LEVEL: "info" } };
        expect(checkResource(policy, { type: "kubernetes:core/v1:ConfigMap", props: configMap }).violations).toEqual([]);
        const certificate: k8s.apiextensions.CustomResourceArgs = { apiVersion: "cert-manager.io/v1", kind: "Certificate", spec: { secretName: "web-tls" } };
        expect(checkResource(policy, { type: "kubernetes:cert-manager.io/v1:Certificate", props: certificate }).violations).toEqual([]);
    });

    it("leaves provider components alone", () => {
        const release: k8s.helm.v3.ReleaseArgs = { chart: "nginx", values: { spec: ["not", "an", "object"] } };
        expect(checkResource(policy, { type: "kubernetes:helm.sh/v3:Release", props: release }).violations).toEqual([]);
    });

    it("fires on a built-in kind under an apiVersion that does not serve it", () => {
        expect(checkResource(policy, as("kubernetes:core/v1:Deployment", deployment())).violations).toEqual([
            "Deployment 'app' cannot be created: v1 does not serve kind Deployment: set apiVersion to apps/v1 or apps/v1beta1 or apps/v1beta2 or extensions/v1beta1.",
        ]);
        // A CustomResource declared with apiVersion v1 registers kubernetes:v1:<Kind>.
        expect(checkResource(policy, as("kubernetes:v1:Deployment", deployment())).violations).toEqual([expect.stringContaining("v1 does not serve kind Deployment")]);
        expect(checkResource(policy, as("kubernetes:v1:Pod", pod())).violations).toEqual([]);
        expect(checkResource(policy, as("kubernetes:batch/v1:Deployment", deployment())).violations).toEqual([expect.stringContaining("batch/v1 does not serve kind Deployment")]);
        expect(checkResource(policy, as("kubernetes:apps/v1beta1:DaemonSet", deployment())).violations).toEqual([expect.stringContaining("apps/v1beta1 does not serve kind DaemonSet: set apiVersion to apps/v1")]);
    });

    it("fires on a version or kind a built-in group does not have", () => {
        expect(checkResource(policy, as("kubernetes:apps/v2:Widget", deployment())).violations).toEqual([expect.stringContaining("apps/v2 is not a version of API group apps")]);
        expect(checkResource(policy, as("kubernetes:apps/v1:Widget", deployment())).violations).toEqual([expect.stringContaining("apps/v1 serves no kind Widget")]);
    });

    it("fires on a spec that is not an object", () => {
        const listSpec = { metadata: { name: "app" }, spec: [{ replicas: 2 }] };
        expect(checkResource(policy, { type: "kubernetes:apps/v1:Deployment", props: listSpec }).violations).toEqual([
            "Deployment 'app' sets spec to a list, not an object: the API server rejects it; write spec as a mapping of fields.",
        ]);
        const service = { metadata: { name: "web" }, spec: "ClusterIP" };
        expect(checkResource(policy, { type: "kubernetes:core/v1:Service", props: service }).violations).toEqual([expect.stringContaining("Service 'web' sets spec to a string")]);
    });

    it("fires on a securityContext that is a string, on the pod or a container", () => {
        const podLevel = podSpec({ securityContext: "restricted" as never });
        expect(checkResource(policy, deployment(podLevel)).violations).toEqual([
            expect.stringContaining("Deployment 'app' sets spec.template.spec.securityContext to a string, not an object"),
        ]);
        const containerLevel = podSpec({ containers: [appContainer({ securityContext: "restricted" as never })] });
        expect(checkResource(policy, cronJob(containerLevel)).violations).toEqual([
            expect.stringContaining("CronJob 'app' sets spec.jobTemplate.spec.template.spec.containers[0].securityContext to a string"),
        ]);
    });

    it("fires on containers that are not a list of objects", () => {
        expect(checkResource(policy, pod(podSpec({ containers: { name: "app" } as never }))).violations).toEqual([
            expect.stringContaining("Pod 'app' sets spec.containers to a object, not a list"),
        ]);
        expect(checkResource(policy, job(podSpec({ containers: ["app:1.0"] as never }))).violations).toEqual([
            expect.stringContaining("Job 'app' sets spec.template.spec.containers[0] to a string, not a container object"),
        ]);
        expect(checkResource(policy, deployment(podSpec({ initContainers: "migrate" as never }))).violations).toEqual([
            expect.stringContaining("sets spec.template.spec.initContainers to a string, not a list"),
        ]);
        expect(checkResource(policy, rollout(podSpec({ containers: [appContainer({ env: "LOG_LEVEL=info" as never })] }))).violations).toEqual([
            expect.stringContaining("Rollout 'app' sets spec.template.spec.containers[0].env to a string, not a list"),
        ]);
    });

    it("fires on a workload without spec, pod template or containers", () => {
        const noSpec: Omit<k8s.apps.v1.DeploymentArgs, "spec"> = { metadata: { name: "app" } };
        expect(checkResource(policy, { type: "kubernetes:apps/v1:Deployment", props: noSpec }).violations).toEqual([
            expect.stringContaining("Deployment 'app' sets no spec: the API server rejects a Deployment without spec"),
        ]);
        const noTemplate: k8s.apps.v1.StatefulSetArgs = { metadata: { name: "db" }, spec: { serviceName: "db", selector: { matchLabels: { app: "db" } } } as never };
        expect(checkResource(policy, { type: "kubernetes:apps/v1:StatefulSet", props: noTemplate }).violations).toEqual([
            expect.stringContaining("StatefulSet 'db' sets no spec.template"),
        ]);
        for (const kind of ["DaemonSet", "Job", "CronJob", "Pod"] as const) {
            const subject = SHAPES[kind]();
            expect(checkResource(policy, { ...subject, props: { metadata: { name: "x" } } }).violations).toEqual([expect.stringContaining(`${kind} 'x' sets no spec`)]);
        }
        expect(checkResource(policy, deployment(podSpec({ containers: [] }))).violations).toEqual([
            expect.stringContaining("sets spec.template.spec.containers to an empty list: a pod needs at least one container"),
        ]);
        expect(checkResource(policy, deployment(podSpec({ containers: undefined as never }))).violations).toEqual([
            expect.stringContaining("sets no spec.template.spec.containers"),
        ]);
    });

    it("fires on a networking.k8s.io/v1 Ingress written with the retired extensions/v1beta1 field names", () => {
        const INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";
        const valid: k8s.networking.v1.IngressArgs = {
            metadata: { name: "web" },
            spec: { rules: [{ host: "shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { name: "http" } } } }] } }] },
        };
        expect(checkResource(policy, { type: INGRESS, props: valid }).violations).toEqual([]);
        const oldBackend = { metadata: { name: "web" }, spec: { rules: [{ host: "shop.example.com", http: { paths: [{ path: "/", backend: { serviceName: "web", servicePort: 80 } }] } }] } };
        expect(checkResource(policy, { type: INGRESS, props: oldBackend }).violations).toEqual([
            "Ingress 'web' sets spec.rules[0].http.paths[0].backend.serviceName and spec.rules[0].http.paths[0].backend.servicePort, field names of the retired extensions/v1beta1 Ingress that networking.k8s.io/v1 rejects: write backend: { service: { name: <service>, port: { number: <port> } } } (or port: { name: <port name> }).",
        ]);
        const defaultBackend = { metadata: { name: "web" }, spec: { backend: { serviceName: "web", servicePort: "http" } } };
        expect(checkResource(policy, { type: INGRESS, props: defaultBackend }).violations).toEqual([expect.stringContaining("Ingress 'web' sets spec.backend, a field of the retired extensions/v1beta1 Ingress that networking.k8s.io/v1 does not have: rename it spec.defaultBackend")]);
        // The old names are right under the old API versions.
        expect(checkResource(policy, { type: "kubernetes:networking.k8s.io/v1beta1:Ingress", props: oldBackend }).violations).toEqual([]);
        // A rule unknown during preview hides no old field name of another.
        const beside = { ...oldBackend, spec: { rules: [UNKNOWN, ...oldBackend.spec.rules] } };
        expect(checkResource(policy, { type: INGRESS, props: beside }).violations).toEqual([expect.stringContaining("spec.rules[1].http.paths[0].backend.serviceName")]);
    });

    it("fires on a Job or CronJob whose pods restart Always, set or defaulted", () => {
        expect(checkResource(policy, job(podSpec({ restartPolicy: "Always" }))).violations).toEqual([
            "Job 'app' sets spec.template.spec.restartPolicy to \"Always\", which the API server rejects for a Job's pods (a pod that always restarts never completes): set restartPolicy: \"Never\" or \"OnFailure\".",
        ]);
        expect(checkResource(policy, cronJob(podSpec({ restartPolicy: "Sometimes" }))).violations).toEqual([expect.stringContaining("CronJob 'app' sets spec.jobTemplate.spec.template.spec.restartPolicy to \"Sometimes\"")]);
        const omitted: k8s.batch.v1.JobArgs = { metadata: { name: "migrate" }, spec: { template: { spec: podSpec() } } };
        expect(checkResource(policy, { type: "kubernetes:batch/v1:Job", props: omitted }).violations).toEqual([expect.stringContaining("Job 'migrate' sets no spec.template.spec.restartPolicy, so it defaults to Always")]);
        expect(checkResource(policy, cronJob(podSpec({ restartPolicy: "OnFailure" }))).violations).toEqual([]);
        // A Deployment's pods always restart: not judged there.
        expect(checkResource(policy, deployment(podSpec({ restartPolicy: "Always" }))).violations).toEqual([]);
    });

    it("fires on a selector that does not select the pod template's labels", () => {
        const mismatched: k8s.apps.v1.DeploymentArgs = { metadata: { name: "web" }, spec: { selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "api" } }, spec: podSpec() } } };
        expect(checkResource(policy, { type: "kubernetes:apps/v1:Deployment", props: mismatched }).violations).toEqual([
            "Deployment 'web' sets a spec.selector that does not select its own pod template's labels (app: api), which the API server rejects: make spec.selector.matchLabels a subset of spec.template.metadata.labels.",
        ]);
        for (const kind of ["StatefulSet", "DaemonSet", "ReplicaSet"]) {
            const expression = { ...mismatched, spec: { ...mismatched.spec, serviceName: "web", selector: { matchExpressions: [{ key: "app", operator: "In", values: ["web"] }] } } };
            expect(checkResource(policy, { type: `kubernetes:apps/v1:${kind}`, props: expression }).violations).toEqual([expect.stringContaining(`${kind} 'web' sets a spec.selector that does not select`)]);
        }
        const empty = { ...mismatched, spec: { ...mismatched.spec, selector: {} } };
        expect(checkResource(policy, { type: "kubernetes:apps/v1:Deployment", props: empty }).violations).toEqual([expect.stringContaining("sets an empty spec.selector")]);
        const none = { ...mismatched, spec: { ...mismatched.spec, selector: undefined } };
        expect(checkResource(policy, { type: "kubernetes:apps/v1:Deployment", props: none }).violations).toEqual([expect.stringContaining("sets no spec.selector, which apps/v1 requires")]);
        // A subset of the labels selects them; template labels unknown during preview are not judged.
        const subset = { ...mismatched, spec: { ...mismatched.spec, template: { metadata: { labels: { app: "web", tier: "frontend" } }, spec: podSpec() } } };
        expect(checkResource(policy, { type: "kubernetes:apps/v1:Deployment", props: subset }).violations).toEqual([]);
        const unknownLabels = { ...mismatched, spec: { ...mismatched.spec, template: { metadata: { labels: UNKNOWN }, spec: podSpec() } } };
        expect(checkResource(policy, { type: "kubernetes:apps/v1:Deployment", props: unknownLabels }).unknown).toBeDefined();
    });

    it("fires on port names that are not IANA service names, or that repeat within a pod", () => {
        const named = (...names: string[]) => appContainer({ ports: names.map((name, i) => ({ name, containerPort: 8080 + i })) });
        expect(checkResource(policy, deployment(podSpec({ containers: [named("storefront-http-port")] }))).violations).toEqual([
            "Deployment 'app' sets spec.template.spec.containers[0].ports[0].name to \"storefront-http-port\", which is 20 characters long (at most 15): the API server accepts only an IANA service name (at most 15 lowercase letters, digits and '-', with a letter), such as \"http\" or \"metrics\".",
        ]);
        for (const name of ["HTTP", "8080", "-http", "web--api", "http_alt"]) {
            expect(checkResource(policy, pod(podSpec({ containers: [named(name)] }))).violations).toEqual([expect.stringContaining(`ports[0].name to "${name}", which`)]);
        }
        expect(checkResource(policy, statefulSet(podSpec({ containers: [named("http", "http")] }))).violations).toEqual([expect.stringContaining("ports[1].name to \"http\", a name an earlier port of the container already has")]);
        const sidecar = { ...named("http"), name: "proxy" };
        expect(checkResource(policy, cronJob(podSpec({ containers: [named("http"), sidecar] }))).violations).toEqual([
            "CronJob 'app' names port 'http' in several containers ('app', 'proxy') of one pod, where port names must be unique, so a Service targetPort or a probe naming it is ambiguous: give each container's port its own name.",
        ]);
        expect(checkResource(policy, deployment(podSpec({ containers: [named("http", "metrics", "grpc-web")] }))).violations).toEqual([]);
    });

    it("fires on topologySpreadConstraints the API server rejects", () => {
        const labelSelector = { matchLabels: { app: "app" } };
        const spread = (changes: object) => podSpec({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule", labelSelector, ...changes }] });
        expect(checkResource(policy, deployment(spread({}))).violations).toEqual([]);
        expect(checkResource(policy, deployment(spread({ maxSkew: 0 }))).violations).toEqual([
            "Deployment 'app' sets spec.template.spec.topologySpreadConstraints[0].maxSkew to 0, which the API server rejects (it must be 1 or more): set maxSkew: 1.",
        ]);
        expect(checkResource(policy, statefulSet(spread({ whenUnsatisfiable: "Ignore" }))).violations).toEqual([expect.stringContaining("whenUnsatisfiable to \"Ignore\", which the API server rejects: set it to DoNotSchedule or ScheduleAnyway")]);
        expect(checkResource(policy, rollout(spread({ topologyKey: undefined }))).violations).toEqual([expect.stringContaining("Rollout 'app' sets no spec.template.spec.topologySpreadConstraints[0].topologyKey, which the API server requires")]);
        expect(checkResource(policy, deployment(spread({ topologyKey: "", maxSkew: -1 }))).violations).toHaveLength(2);
        // A patch sets only what it changes.
        expect(checkResource(policy, deploymentPatch({ topologySpreadConstraints: [{ maxSkew: 2 } as never] })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ topologySpreadConstraints: [{ maxSkew: 0 } as never] })).violations).toHaveLength(1);
    });

    it("judges only what a Patch sets", () => {
        expect(checkResource(policy, deploymentPatch({ terminationGracePeriodSeconds: 30 })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ securityContext: "restricted" as never })).violations).toEqual([
            expect.stringContaining("sets spec.template.spec.securityContext to a string"),
        ]);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, deployment(podSpec({ containers: UNKNOWN as never })));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("is a mandatory P0 policy with no thresholds to configure", () => {
        expect(policy.enforcementLevel).toBe("mandatory");
        expect(Object.keys(policy.configSchema?.properties ?? {}).sort()).toEqual(["allowUnknown", "exemptions", "exemptionsFromResources"]);
        // An exemption (the only config it takes) changes the verdict.
        const invalid = as("kubernetes:core/v1:Deployment", deployment(podSpec({ containers: [appContainer({ securityContext: HARDENED })] })));
        const exempt = checkResource(policy, { ...invalid, name: "legacy", config: { exemptions: [{ resource: "legacy", reason: "migrated next sprint" }] } });
        expect(exempt.notApplicable).toContain("migrated next sprint");
    });

    it("reports a malformed container next to a volume and a container unknown during preview, whatever the name and namespace", () => {
        const spec = podSpec({ volumes: [UNKNOWN as never], initContainers: [UNKNOWN as never], containers: [appContainer({ securityContext: "privileged" as never })] });
        expect(checkResource(policy, deployment(spec, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("Deployment 'subject' sets spec.template.spec.containers[0].securityContext to a string, not an object")] });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
    });
});
