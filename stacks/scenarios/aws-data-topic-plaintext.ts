import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The alerts topic stores messages unencrypted",
    violations: [["aws-sns-require-encryption", "app-alerts"]],
    patches: [patch<aws.sns.TopicArgs>("aws:sns/topic:Topic", "app-alerts", (a) => { delete a.kmsMasterKeyId; })],
});
