// A Deployment with Kubernetes defaults everywhere, in its own namespace with no NetworkPolicy:
// Pod Security Standards baseline accepts it, restricted does not.
export const PLAIN_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: "registry.example.com/web:1.0.0"}]
`;
