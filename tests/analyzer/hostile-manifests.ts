// Objects that break several policies at once, one exempted by its own annotation, and a custom
// resource with a pod template: what the serving changes must answer as the SDK does.
export const HOSTILE_MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      hostNetwork: true
      containers: [{name: app, image: "nginx", securityContext: {privileged: true}}]
---
apiVersion: v1
kind: Pod
metadata: {name: batch, namespace: default, annotations: {prodready.dev/exempt: "kubernetes-workload-require-resource-limits=batch job, sized by the queue"}}
spec:
  containers: [{name: job, image: "busybox:1.36"}]
---
apiVersion: v1
kind: Pod
metadata: {name: batch-2, namespace: default, annotations: {prodready.dev/exempt: "kubernetes-workload-require-resource-limits=batch job, sized by the queue"}}
spec:
  containers: [{name: job, image: "busybox:1.36"}]
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: custom}
spec: {template: {spec: {containers: [{name: w, image: "w:latest"}]}}}
`;
