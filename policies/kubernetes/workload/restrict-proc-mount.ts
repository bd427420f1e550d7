import { podPolicy } from "../../lib/pod-policy";
import { at, describeType, text } from "../../lib/values";

export default podPolicy({
    name: "kubernetes-workload-restrict-proc-mount",
    description: "Containers keep the default masked /proc (securityContext.procMount Default), not Unmasked, which exposes the node's kernel interfaces.",
    priority: "P1",
    severity: "high",
    checklist: ["003.security.container-security"],
    remediationSteps: "Remove securityContext.procMount or set it to Default.",
    tags: ["workload-security"],
    config: {
        allowedProcMountTypes: {
            type: "array",
            items: { type: "string", enum: ["Default", "Unmasked"] },
            default: ["Default"],
            description: "procMount values accepted. Default Default only: Pod Security Standards baseline forbids other /proc mount types, and 003 asks for hardened containers.",
        },
    },
    validateContainer: ({ view, where }, config, report) => {
        const allowed: readonly string[] = config.allowedProcMountTypes;
        const raw = at(view.container.securityContext, "procMount");
        if (raw === undefined) {
            return; // Default
        }
        const value = text(raw);
        if (value === undefined) {
            report(`${where} sets securityContext.procMount to ${describeType(raw)}, not a string: remove it or set it to Default.`);
        } else if (!allowed.includes(value)) {
            report(`${where} sets securityContext.procMount to ${value}, unmasking the node's /proc: remove it or set it to ${allowed.join(" or ")}.`);
        }
    },
});
