// The provider's input types with every pulumi.Input unwrapped, for fixtures that specs mutate in
// place: `Plain<k8s.apps.v1.DeploymentArgs>` keeps the provider's field names and types (so a
// misspelt property fails to compile) while letting a spec write `d.spec.replicas = 0`.
import type * as pulumi from "@pulumi/pulumi";

type Unwrap<T> = T extends pulumi.OutputInstance<infer U> ? U : T extends Promise<infer U> ? U : T;

export type Plain<T> = T extends string | number | boolean | null | undefined
    ? T
    : T extends readonly (infer E)[]
        ? Plain<Unwrap<E>>[]
        : { [K in keyof T]: Plain<Unwrap<T[K]>> };
