// The reference stack: a production-shaped service on AWS and Kubernetes that passes the whole
// pack. A scenario (config `prodready:scenario`) patches it to break a known set of policies.
import { activateScenario, included } from "../scenario";
import { analytics } from "./aws/analytics";
import { compute } from "./aws/compute";
import { data } from "./aws/data";
import { cdn, edge } from "./aws/edge";
import { governance } from "./aws/governance";
import { network } from "./aws/network";
import { observability } from "./aws/observability";
import { exposure, namespace, SERVICE_ACCOUNT } from "./kubernetes/platform";
import { workload } from "./kubernetes/workload";

const scenario = activateScenario();

const net = network();
const lb = edge(net);
const app = compute(net, lb);
const stores = data(net);
analytics(net, stores);
observability(lb, app, stores);
governance();
if (included("app-cdn")) {
    cdn(lb);
}

const shop = namespace();
const storefront = workload(shop.namespace, SERVICE_ACCOUNT);
exposure(storefront);

scenario.extra?.();

export const url = lb.loadBalancer.dnsName;
export const service = app.service.name;
export const database = stores.database.endpoint;
