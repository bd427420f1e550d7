import policy from "../../../../policies/kubernetes/service/require-selected-pods";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";
import { service, TYPES, web } from "../stack-fixtures";

describe("kubernetes-service-require-selected-pods", () => {
    it("passes a Service whose selector matches a pod template", () => {
        expect(checkStack(policy, [web(), service()]).violations).toEqual([]);
        expect(checkStack(policy, [web({ labels: { app: "web", tier: "frontend" } }), service()]).violations).toEqual([]);
    });

    it("fires on a Service selecting no pod template of its namespace", () => {
        const verdict = checkStack(policy, [web(), service({ app: "api" })]);
        expect(verdict.violations).toEqual([expect.stringContaining("Service 'web' selects pods labelled app=api, but no pod template in namespace 'shop'")]);
        expect(verdict.urns).toEqual([urnOf(TYPES.Service, "web-svc")]);
        expect(checkStack(policy, [web({ namespace: "other" }), web({ name: "batch", labels: { app: "batch" } }), service()]).violations).toHaveLength(1);
    });

    it("does not judge a Service without a selector, or in a namespace where the stack declares no workload", () => {
        expect(checkStack(policy, [web(), service(undefined)]).violations).toEqual([]);
        expect(checkStack(policy, [web(), service({})]).violations).toEqual([]);
        expect(checkStack(policy, [service({ app: "api" })]).violations).toEqual([]);
    });

    it("is unknown for the Service alone when its selector is unknown during preview", () => {
        const verdict = checkStack(policy, [web(), service(UNKNOWN as unknown as Record<string, string>), service({ app: "api" }, undefined, "shop", "api")]);
        expect(verdict.unknownUrns).toEqual([urnOf(TYPES.Service, "web-svc")]);
        expect(verdict.violations).toHaveLength(1);
    });

    it("is unknown when an unknown pod template could be the one selected", () => {
        expect(checkStack(policy, [web(), web({ name: "api", labels: UNKNOWN as unknown as Record<string, string> }), service({ app: "api" })]).unknownUrns).toEqual([urnOf(TYPES.Service, "web-svc")]);
    });
});
