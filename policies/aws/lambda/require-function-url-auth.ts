import { resourcePolicy } from "../../lib/define";
import { describeSetting, given, showSetting, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-lambda-require-function-url-auth",
    description: "Lambda function URLs authenticate their callers: authorizationType \"AWS_IAM\", not \"NONE\" (which lets anyone on the internet invoke the function).",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Set authorizationType: \"AWS_IAM\" on the function URL and grant lambda:InvokeFunctionUrl to the callers that need it; put a public endpoint behind API Gateway or CloudFront (origin access control) with its own authorization instead.",
    tags: ["secrets-identity"],
    resourceTypes: ["aws:lambda/functionUrl:FunctionUrl"],
    validate: ({ name, props }, _config, report) => {
        const where = `Lambda function URL '${name}'`;
        const type = given(props.authorizationType);
        const value = text(type)?.trim().toUpperCase();
        if (value === undefined) {
            report(`${where} ${describeSetting("authorizationType", type)}: set authorizationType: "AWS_IAM".`);
        } else if (value === "NONE") {
            report(`${where} uses authorizationType "NONE", so anyone who knows the URL can invoke the function: set authorizationType: "AWS_IAM" and grant lambda:InvokeFunctionUrl to the callers that need it.`);
        } else if (value !== "AWS_IAM") {
            report(`${where} sets authorizationType to ${showSetting(text(type))}, which Lambda does not accept (it takes AWS_IAM or NONE): set authorizationType: "AWS_IAM".`);
        }
    },
});
