import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The CloudTrail trail records one region only",
    violations: [["aws-cloudtrail-require-multi-region-trail", "app-trail"]],
    patches: [patch<aws.cloudtrail.TrailArgs>("aws:cloudtrail/trail:Trail", "app-trail", (a) => { a.isMultiRegionTrail = false; })],
});
