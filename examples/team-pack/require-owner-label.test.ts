// The policy proved as prodready's own are: compliant, each violation, unknown during preview.
// prodready's test kit runs it as the analyzer would, without an engine; any test runner will do.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { testing } from "prodready";
import policy from "./require-owner-label";

const { checkResource, UNKNOWN } = testing;

function pod(labels: unknown) {
    return {
        type: "kubernetes:core/v1:Pod",
        name: "api",
        props: { metadata: { name: "api", labels }, spec: { containers: [{ name: "api", image: "acme/api:1.4.2" }] } },
    };
}

describe("acme-kubernetes-require-owner-label", () => {
    it("passes a workload that names its owner", () => {
        assert.deepEqual(checkResource(policy, pod({ owner: "payments" })), { violations: [] });
    });

    it("fires on a workload without an owner label", () => {
        assert.deepEqual(checkResource(policy, pod({ app: "api" })).violations, [
            "Pod 'api' has no 'owner' label: add metadata.labels.owner naming the owning team.",
        ]);
    });

    it("fires on an empty owner label", () => {
        assert.equal(checkResource(policy, pod({ owner: " " })).violations.length, 1);
    });

    it("fires on an owner that is not one of the configured teams", () => {
        const config = { teams: ["payments", "search"] };
        assert.deepEqual(checkResource(policy, { ...pod({ owner: "growth" }), config }).violations, [
            "Pod 'api' is owned by 'growth', which is not one of payments, search: name the owning team.",
        ]);
        assert.deepEqual(checkResource(policy, { ...pod({ owner: "search" }), config }).violations, []);
    });

    it("reads the label the config names", () => {
        assert.deepEqual(checkResource(policy, { ...pod({ team: "search" }), config: { label: "team" } }).violations, []);
    });

    it("reports labels unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, pod(UNKNOWN));
        assert.deepEqual(verdict.violations, []);
        assert.ok(verdict.unknown, "the verdict is unknown");
    });

    it("leaves other types alone", () => {
        assert.deepEqual(checkResource(policy, { type: "kubernetes:core/v1:ConfigMap", name: "settings", props: { data: {} } }), { violations: [] });
    });
});
