import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/configmap/disallow-plaintext-secrets";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const CONFIGMAP = "kubernetes:core/v1:ConfigMap";
// A made-up access key id, assembled so no scanner mistakes this file for a leak.
const ACCESS_KEY_ID = ["AKIA", "Z7Q3XH4LK2P9WBNM"].join("");

function configMap(data?: Record<string, string>): { type: string; props: k8s.core.v1.ConfigMapArgs } {
    return { type: CONFIGMAP, props: { metadata: { name: "app-config", namespace: "shop" }, data } };
}

describe("kubernetes-configmap-disallow-plaintext-secrets", () => {
    it("passes settings that are not credentials", () => {
        expect(checkResource(policy, configMap({ LOG_LEVEL: "info", "app.properties": "server.port=8080\n", DB_PASSWORD_FILE: "/var/run/secrets/db/password" })).violations).toEqual([]);
    });

    it("fires on a key that says it holds a secret, never printing the value", () => {
        const verdict = checkResource(policy, configMap({ DB_PASSWORD: "hunter2-but-longer" }));
        expect(verdict.violations).toEqual([expect.stringContaining("ConfigMap 'app-config' holds a credential in data.DB_PASSWORD (the key says it holds a secret)")]);
        expect(verdict.violations[0]).not.toContain("hunter2");
    });

    it("fires on a value that looks like a credential, whatever the key", () => {
        const verdict = checkResource(policy, configMap({ UPSTREAM_ID: ACCESS_KEY_ID }));
        expect(verdict.violations).toEqual([expect.stringContaining("looks like an AWS access key id")]);
        expect(verdict.violations[0]).not.toContain(ACCESS_KEY_ID);
    });

    it("fires on a data value that is not a string", () => {
        expect(checkResource(policy, { type: CONFIGMAP, props: { data: { replicas: 3 } } }).violations).toEqual([expect.stringContaining("not a string")]);
    });

    it("passes a ConfigMap without data", () => {
        expect(checkResource(policy, configMap()).violations).toEqual([]);
        expect(checkResource(policy, { type: `${CONFIGMAP}Patch`, props: { metadata: { name: "app-config" } } }).violations).toEqual([]);
    });

    it("is unknown when the data is unknown during preview", () => {
        expect(checkResource(policy, configMap({ API_TOKEN: UNKNOWN })).unknown).toBeDefined();
    });

    it("follows secretNamePatterns", () => {
        expect(checkResource(policy, { ...configMap({ DB_PASSWORD: "hunter2-but-longer" }), config: { secretNamePatterns: [] } }).violations).toEqual([]);
        expect(checkResource(policy, { ...configMap({ SESSION_SALT: "abc123" }), config: { secretNamePatterns: ["*SALT*"] } }).violations).toHaveLength(1);
    });

    it("reports a credential next to a value unknown during preview, and a name that is unknown", () => {
        const props: k8s.core.v1.ConfigMapArgs = { metadata: { name: UNKNOWN, namespace: UNKNOWN }, data: { DB_HOST: UNKNOWN, AWS_ACCESS_KEY_ID: ACCESS_KEY_ID } };
        expect(checkResource(policy, { type: CONFIGMAP, name: "app-config", props })).toEqual({ violations: [expect.stringContaining("ConfigMap 'app-config' holds a credential in data.AWS_ACCESS_KEY_ID")] });
        expect(checkResource(policy, { type: CONFIGMAP, props: { metadata: { name: UNKNOWN }, data: { LOG_LEVEL: "info" } } })).toEqual({ violations: [] });
    });
});
