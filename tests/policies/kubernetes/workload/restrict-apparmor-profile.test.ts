import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/workload/restrict-apparmor-profile";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, cronJob, deployment, HARDENED, pod, POD_SECURITY, podSpec, UNKNOWN_METADATA } from "./fixtures";

type Profile = k8s.types.input.core.v1.AppArmorProfile;
const onPod = (appArmorProfile: Profile) => podSpec({ securityContext: { ...POD_SECURITY, appArmorProfile } });
const onContainer = (appArmorProfile: Profile) => podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, appArmorProfile } })] });
const annotated = (value: string) => pod(podSpec(), { name: "app", namespace: "shop", annotations: { "container.apparmor.security.beta.kubernetes.io/app": value } });

describe("kubernetes-workload-restrict-apparmor-profile", () => {
    it("passes no profile, RuntimeDefault and Localhost, on every shape", () => {
        for (const shape of [deployment, cronJob, pod]) {
            expect(checkResource(policy, shape()).violations).toEqual([]);
            expect(checkResource(policy, shape(onPod({ type: "RuntimeDefault" }))).violations).toEqual([]);
            expect(checkResource(policy, shape(onContainer({ type: "Localhost", localhostProfile: "k8s-app" }))).violations).toEqual([]);
        }
        expect(checkResource(policy, annotated("runtime/default")).violations).toEqual([]);
        expect(checkResource(policy, annotated("localhost/k8s-app")).violations).toEqual([]);
    });

    it("fires on Unconfined in securityContext, on the pod or a container", () => {
        expect(checkResource(policy, deployment(onPod({ type: "Unconfined" }))).violations).toEqual([expect.stringContaining("the pod of Deployment 'app' runs under AppArmor profile type Unconfined")]);
        expect(checkResource(policy, cronJob(onContainer({ type: "Unconfined" }))).violations).toEqual([expect.stringContaining("container 'app' of CronJob 'app'")]);
        expect(checkResource(policy, pod(onPod({} as Profile))).violations).toEqual([expect.stringContaining("without a type")]);
    });

    it("fires on the unconfined annotation, on a Pod and on a Deployment's pod template", () => {
        expect(checkResource(policy, annotated("unconfined")).violations).toEqual([expect.stringContaining("annotates container 'app' with AppArmor profile unconfined")]);
        const props: k8s.apps.v1.DeploymentArgs = {
            metadata: { name: "app" },
            spec: { selector: { matchLabels: { app: "app" } }, template: { metadata: { labels: { app: "app" }, annotations: { "container.apparmor.security.beta.kubernetes.io/app": "unconfined" } }, spec: podSpec() } },
        };
        expect(checkResource(policy, { type: "kubernetes:apps/v1:Deployment", props }).violations).toHaveLength(1);
    });

    it("is unknown when the profile is unknown during preview", () => {
        expect(checkResource(policy, deployment(onPod({ type: UNKNOWN }))).unknown).toBeDefined();
    });

    it("accepts Unconfined when configured", () => {
        expect(checkResource(policy, { ...deployment(onPod({ type: "Unconfined" })), config: { allowedProfileTypes: ["RuntimeDefault", "Localhost", "Unconfined"] } }).violations).toEqual([]);
    });

    it("reports an unconfined container next to values unknown during preview, reading only its own annotations", () => {
        const spec = podSpec({ securityContext: { ...POD_SECURITY, appArmorProfile: UNKNOWN as never }, containers: [appContainer({ securityContext: { ...HARDENED, appArmorProfile: { type: "Unconfined" } } })] });
        const metadata = { ...UNKNOWN_METADATA, annotations: { "checksum/config": UNKNOWN } };
        expect(checkResource(policy, pod(spec, metadata))).toEqual({ violations: [expect.stringContaining("container 'app' of Pod 'subject' runs under AppArmor profile type Unconfined")] });
        expect(checkResource(policy, pod(podSpec(), metadata))).toEqual({ violations: [] });
    });
});
