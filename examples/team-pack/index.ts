// The pack's entry: the analyzer that `pulumi preview --policy-pack` and `prodready preview
// --policy-pack` start. The policies live in their own modules, so a spec loads them without
// starting it.
import { PolicyPack } from "@pulumi/policy";
import requireOwnerLabel from "./require-owner-label";

new PolicyPack("acme-platform", {
    policies: [requireOwnerLabel],
});
