import os

import pulumi_kubernetes as k8s

fixtures = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")


def pod(name: str) -> str:
    return f"""
apiVersion: v1
kind: Pod
metadata:
  name: {name}
spec:
  hostNetwork: true
  containers:
    - name: app
      image: nginx:1.27.3
      securityContext:
        privileged: true
        runAsUser: 0
"""


k8s.yaml.v2.ConfigGroup("group", yaml=pod("configgroup-pod"))
k8s.yaml.v2.ConfigFile("file", file=os.path.join(fixtures, "manifests", "pod.yaml"))
k8s.helm.v4.Chart("chartv4", chart=os.path.join(fixtures, "chart"))
k8s.helm.v3.Chart("chartv3", k8s.helm.v3.LocalChartOpts(path=os.path.join(fixtures, "chart")))
k8s.kustomize.v2.Directory("kustomizev2", directory=os.path.join(fixtures, "kustomize"))
k8s.kustomize.Directory("kustomizev1", directory=os.path.join(fixtures, "kustomize"))
