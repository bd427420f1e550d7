import policy from "../../../../policies/aws/msk/disallow-public-access";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { brokers, cluster, T } from "./fixtures";

const withPublicAccess = (type: unknown) => ({ ...cluster, brokerNodeGroupInfo: { ...brokers, connectivityInfo: { publicAccess: { type } } } });

describe("aws-msk-disallow-public-access", () => {
    it("passes DISABLED", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("passes when omitted (DISABLED by default)", () => {
        const { connectivityInfo: _, ...rest } = brokers;
        expect(checkResource(policy, { type: T, props: { ...cluster, brokerNodeGroupInfo: rest } }).violations).toEqual([]);
    });
    it("fires on SERVICE_PROVIDED_EIPS", () => expect(checkResource(policy, { type: T, name: "events", props: withPublicAccess("SERVICE_PROVIDED_EIPS") }).violations)
        .toEqual([expect.stringContaining("MSK cluster 'events' sets brokerNodeGroupInfo.connectivityInfo.publicAccess.type to \"SERVICE_PROVIDED_EIPS\"")]));
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: withPublicAccess(false) }).violations).toEqual([expect.stringContaining("not a string")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: withPublicAccess(UNKNOWN) }).unknown).toBeDefined());
    it("is exempted by config", () => expect(checkResource(policy, { type: T, name: "partner-events", props: withPublicAccess("SERVICE_PROVIDED_EIPS"), config: { exemptions: [{ resource: "partner-*", reason: "partner producers over mTLS" }] } }).notApplicable)
        .toContain("partner producers"));
});
