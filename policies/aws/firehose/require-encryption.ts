import { requireTrue } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";
import { at, describeType, given, isRecord } from "../../lib/values";

export default resourcePolicy({
    name: "aws-firehose-require-encryption",
    description: "Firehose delivery streams that receive records directly (DirectPut) encrypt the records they buffer at rest. Streams that read from a Kinesis data stream or an MSK cluster keep no data at rest themselves (the source's encryption applies), so they are not judged.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption"],
    remediationSteps: "Set serverSideEncryption: { enabled: true } (keyType CUSTOMER_MANAGED_CMK with keyArn for a customer managed key).",
    tags: ["encryption"],
    resourceTypes: ["aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream"],
    validate: ({ name, props }, _config, report) => {
        if (given(props.kinesisSourceConfiguration) !== undefined || given(props.mskSourceConfiguration) !== undefined) {
            return; // Firehose then keeps the data in the source, which the source's own policies judge
        }
        const where = `Firehose delivery stream '${name}'`;
        const sse = given(props.serverSideEncryption);
        if (sse !== undefined && !isRecord(sse)) {
            report(`${where} sets serverSideEncryption to ${describeType(sse)}, not a block: set serverSideEncryption: { enabled: true }.`);
            return;
        }
        requireTrue(at(sse, "enabled"), where, "serverSideEncryption.enabled", "so Firehose buffers records unencrypted", "set serverSideEncryption: { enabled: true }", report);
    },
});
