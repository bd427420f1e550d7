/** The AWS account the reference stack is written for: in ARNs, key policies and bucket names. */
export const ACCOUNT_ID = "123456789012";
