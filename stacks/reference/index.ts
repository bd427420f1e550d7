// The reference stack: a production-shaped service on AWS and Kubernetes that passes the whole
// pack. A scenario (config `prodready:scenario`) patches it to break a known set of policies.
import { activateScenario, included } from "../scenario";
import { alarms } from "./aws/alarms";
import { analytics } from "./aws/analytics";
import { compute } from "./aws/compute";
import { data } from "./aws/data";
import { cdn, edge } from "./aws/edge";
import { accessLogsBucket, encryptionByDefault, governance } from "./aws/governance";
import { network } from "./aws/network";
import { networkHygiene } from "./aws/network-hygiene";
import { observability } from "./aws/observability";
import { runtime } from "./aws/runtime";
import { operations } from "./aws/operations";
import { webhook } from "./aws/webhook";
import { exposure, namespace, SERVICE_ACCOUNT } from "./kubernetes/platform";
import { scheduling } from "./kubernetes/scheduling";
import { workload } from "./kubernetes/workload";

const scenario = activateScenario();

const net = network();
networkHygiene(net);
const lb = edge(net);
const app = compute(net, lb);
const stores = data(net);
analytics(net, stores);
const alerts = observability(lb, app, stores);
alarms(lb, stores, alerts);
governance();
encryptionByDefault();
accessLogsBucket();
runtime();
webhook();
operations(lb, alerts, included("app-cdn") ? cdn(lb) : undefined);

const shop = namespace();
scheduling();
const storefront = workload(shop.namespace, SERVICE_ACCOUNT);
exposure(storefront);

scenario.extra?.();

export const url = lb.loadBalancer.dnsName;
export const service = app.service.name;
export const database = stores.database.endpoint;
