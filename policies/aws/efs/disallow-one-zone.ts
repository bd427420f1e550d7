import { resourcePolicy } from "../../lib/define";
import { given, isDeclared } from "../../lib/values";

export default resourcePolicy({
    name: "aws-efs-disallow-one-zone",
    description: "EFS file systems use Regional storage, which keeps the data in several availability zones; a One Zone file system (availabilityZoneName set) keeps it in one zone, so losing that zone makes the data unavailable and can lose it.",
    priority: "P2",
    severity: "medium",
    checklist: ["003.infrastructure.persistent-storage"],
    remediationSteps: "Leave availabilityZoneName out to create a Regional file system (a new file system: copy the data with AWS DataSync or restore a backup into it), or keep a One Zone file system only for data that can be rebuilt.",
    tags: ["availability"],
    resourceTypes: ["aws:efs/fileSystem:FileSystem"],
    validate: ({ name, props }, _config, report) => {
        // A zone unknown during preview is still a zone: the file system is One Zone either way.
        if (isDeclared(props, "availabilityZoneName")) {
            const zone = given(Object.getOwnPropertyDescriptor(props, "availabilityZoneName")?.value);
            const known = typeof zone === "string" && /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/.test(zone) ? ` (${zone})` : "";
            report(`EFS file system '${name}' uses One Zone storage${known}, which keeps its data in a single availability zone: leave availabilityZoneName out for Regional storage.`);
        }
    },
});
