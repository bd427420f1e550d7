// AWS policy documents (trust policies, resource policies on repositories, queues and keys): their
// statements, and the statements that admit every principal.
import { describeType, given, isRecord, record, text } from "./values";

export type Statement = Record<string, unknown>;

/** The statements of a policy document (a JSON string or an object), or why it cannot be read. */
export function policyStatements(document: unknown): { statements: Statement[] } | { unreadable: string } {
    if (given(document) === undefined) {
        return { unreadable: "is unset" };
    }
    let parsed = document;
    if (typeof document === "string") {
        try {
            parsed = JSON.parse(document);
        } catch {
            return { unreadable: "is not valid JSON" };
        }
    }
    if (!isRecord(parsed)) {
        return { unreadable: `is ${describeType(parsed)}, not a policy document` };
    }
    const statement = parsed.Statement;
    const all = Array.isArray(statement) ? statement : [statement];
    if (all.length === 0 || !all.every(isRecord)) {
        return { unreadable: `has ${Array.isArray(statement) && statement.length > 0 ? "a statement that is not an object" : given(statement) === undefined ? "no Statement" : `${describeType(given(statement))} Statement`}, not a list of statements` };
    }
    return { statements: all };
}

/** A field that takes one value or a list of them, as a list. */
export function statementValues(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [value];
}

/**
 * How an Allow statement admits every principal, or undefined: Principal "*", Principal { AWS: "*" }
 * (anonymous and every AWS account), or NotPrincipal (everyone but the principals it lists).
 */
function everyonePrincipal(statement: Statement): string | undefined {
    if (text(statement.Effect)?.trim().toLowerCase() !== "allow") {
        return undefined;
    }
    if ("NotPrincipal" in statement) {
        return "NotPrincipal (every principal but the ones it lists)";
    }
    const principal = statement.Principal;
    if (typeof principal === "string") {
        return principal.trim() === "*" ? "Principal \"*\"" : undefined;
    }
    const aws = record(principal)?.AWS;
    return statementValues(aws).some((p) => typeof p === "string" && p.trim() === "*") ? "Principal { AWS: \"*\" }" : undefined;
}

/** True when the statement has a Condition with at least one operator. */
function hasCondition(statement: Statement): boolean {
    const condition = record(statement.Condition);
    return condition !== undefined && Object.keys(condition).length > 0;
}

/**
 * How an Allow statement admits every principal with no Condition to narrow it (see
 * `everyonePrincipal` for the words), or undefined when it names its principals or has a Condition.
 */
export function unconditionalEveryone(statement: Statement): string | undefined {
    const everyone = everyonePrincipal(statement);
    return everyone !== undefined && !hasCondition(statement) ? everyone : undefined;
}

/** What a resource policy's violations say; each policy words them for its own resource. */
export interface OpenPolicyMessages {
    /** The document cannot be read; `why` is e.g. "is not valid JSON". */
    unreadable: (why: string) => string;
    /** Statement number `number` (from 1) admits `everyone` without a Condition. */
    open: (number: number, everyone: string) => string;
}

/**
 * Judges a resource policy (a repository's, a queue's, a key's): reports a document that cannot be
 * read, and each Allow statement that admits every principal without a Condition.
 */
export function judgeOpenResourcePolicy(document: unknown, messages: OpenPolicyMessages, report: (message: string) => void): void {
    const parsed = policyStatements(document);
    if ("unreadable" in parsed) {
        report(messages.unreadable(parsed.unreadable));
        return;
    }
    parsed.statements.forEach((statement, i) => {
        const everyone = unconditionalEveryone(statement);
        if (everyone !== undefined) {
            report(messages.open(i + 1, everyone));
        }
    });
}
