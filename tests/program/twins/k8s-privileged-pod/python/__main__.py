import pulumi
import pulumi_kubernetes as k8s

# An explicit provider: every resource below is registered with it.
cluster = k8s.Provider("cluster", namespace="tools", enable_server_side_apply=True)
tools = k8s.core.v1.Namespace("tools", metadata={"name": "tools"}, opts=pulumi.ResourceOptions(provider=cluster))

k8s.core.v1.Pod(
    "debug-shell",
    metadata=k8s.meta.v1.ObjectMetaArgs(name="debug-shell", namespace=tools.metadata.name, labels={"app": "debug-shell"}),
    spec=k8s.core.v1.PodSpecArgs(
        host_network=True,
        containers=[
            k8s.core.v1.ContainerArgs(
                name="shell",
                image="busybox:1.36.1",
                command=["sleep", "infinity"],
                security_context=k8s.core.v1.SecurityContextArgs(
                    privileged=True, run_as_user=0, allow_privilege_escalation=True
                ),
                resources={"requests": {"cpu": "50m", "memory": "32Mi"}, "limits": {"cpu": "100m", "memory": "64Mi"}},
            )
        ],
    ),
    opts=pulumi.ResourceOptions(provider=cluster, depends_on=[tools]),
)
