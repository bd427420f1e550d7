import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The ALB and CloudFront certificate is validated by email, so its renewal waits on a person",
    violations: [["aws-acm-require-dns-validated-certificates", "app-cert"]],
    patches: [patch<aws.acm.CertificateArgs>("aws:acm/certificate:Certificate", "app-cert", (a) => { a.validationMethod = "EMAIL"; })],
});
