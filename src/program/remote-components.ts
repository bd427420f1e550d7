// A registration with `remote: true` is a component whose provider builds its children: the engine
// answers it with the provider's Construct, and the provider registers the component and every child
// back on the same resource monitor. This module turns the program's registration into that request.

/* eslint-disable @typescript-eslint/no-require-imports */
const provproto = require("@pulumi/pulumi/proto/provider_pb");

/** The run a component is constructed in: what the engine puts in every ConstructRequest. */
export interface ConstructContext {
    project: string;
    stack: string;
    organization: string;
    /** The whole stack config, `pkg:key` to string, and which of it is secret. */
    config: Record<string, string>;
    secretKeys: string[];
    monitorAddress: string;
}

/** The ConstructRequest the engine sends for a program's remote component registration. */
export function constructRequest(registration: any, context: ConstructContext): unknown {
    const request = new provproto.ConstructRequest();
    request.setProject(context.project);
    request.setStack(context.stack);
    request.setOrganization(context.organization);
    const config = request.getConfigMap();
    for (const [key, value] of Object.entries(context.config)) {
        config.set(key, value);
    }
    request.setConfigsecretkeysList(context.secretKeys);
    request.setDryrun(true);
    request.setParallel(48);
    request.setMonitorendpoint(context.monitorAddress);
    request.setType(registration.getType());
    request.setName(registration.getName());
    request.setParent(registration.getParent());
    if (registration.getObject()) {
        request.setInputs(registration.getObject());
    }
    const inputDependencies = request.getInputdependenciesMap();
    registration.getPropertydependenciesMap().forEach((deps: any, key: string) => {
        const message = new provproto.ConstructRequest.PropertyDependencies();
        message.setUrnsList(deps.getUrnsList());
        inputDependencies.set(key, message);
    });
    const providers = request.getProvidersMap();
    registration.getProvidersMap().forEach((ref: string, pkg: string) => providers.set(pkg, ref));
    request.setDependenciesList(registration.getDependenciesList());
    if (registration.hasProtect?.()) {
        request.setProtect(registration.getProtect());
    }
    request.setAliasesList(registration.getAliasurnsList());
    request.setAdditionalsecretoutputsList(registration.getAdditionalsecretoutputsList());
    const timeouts = registration.getCustomtimeouts();
    if (timeouts) {
        const message = new provproto.ConstructRequest.CustomTimeouts();
        message.setCreate(timeouts.getCreate());
        message.setUpdate(timeouts.getUpdate());
        message.setDelete(timeouts.getDelete());
        request.setCustomtimeouts(message);
    }
    request.setDeletedwith(registration.getDeletedwith());
    request.setDeletebeforereplace(registration.getDeletebeforereplace());
    request.setIgnorechangesList(registration.getIgnorechangesList());
    request.setReplaceonchangesList(registration.getReplaceonchangesList());
    if (registration.hasRetainondelete?.()) {
        request.setRetainondelete(registration.getRetainondelete());
    }
    request.setAcceptsOutputValues(false);
    return request;
}

/** The provider reference a component's registration names for its own package, if any: `urn::id`. */
export function providerReference(registration: any, pkg: string): string | undefined {
    return registration.getProvider() || registration.getProvidersMap().get(pkg) || undefined;
}
