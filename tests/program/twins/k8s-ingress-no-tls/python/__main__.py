import pulumi
import pulumi_kubernetes as k8s

labels = {"app": "storefront"}
app = k8s.apps.v1.Deployment(
    "storefront",
    metadata={"name": "storefront", "namespace": "shop"},
    spec={
        "replicas": 3,
        "selector": {"match_labels": labels},
        "template": {
            "metadata": {"labels": labels},
            "spec": {
                "containers": [
                    {
                        "name": "web",
                        "image": "registry.example.com/storefront:2.4.1",
                        "ports": [{"name": "http", "container_port": 8080}],
                        "security_context": {
                            "run_as_non_root": True,
                            "run_as_user": 10001,
                            "allow_privilege_escalation": False,
                            "read_only_root_filesystem": True,
                            "capabilities": {"drop": ["ALL"]},
                        },
                        "resources": {
                            "requests": {"cpu": "250m", "memory": "256Mi"},
                            "limits": {"cpu": "500m", "memory": "512Mi"},
                        },
                        "readiness_probe": {"http_get": {"path": "/ready", "port": "http"}},
                        "liveness_probe": {"http_get": {"path": "/live", "port": "http"}},
                    }
                ],
            },
        },
    },
)

service = k8s.core.v1.Service(
    "storefront",
    metadata={"name": "storefront", "namespace": "shop"},
    spec={"selector": labels, "ports": [{"name": "http", "port": 80, "target_port": "http"}]},
    opts=pulumi.ResourceOptions(depends_on=[app]),
)


def ingress(name):
    # Declared inside apply: the preview waits for it like the engine does.
    return k8s.networking.v1.Ingress(
        "storefront",
        metadata={"name": "storefront", "namespace": "shop"},
        spec={
            "ingress_class_name": "nginx",
            "rules": [
                {
                    "host": "shop.example.com",
                    "http": {
                        "paths": [
                            {
                                "path": "/",
                                "path_type": "Prefix",
                                "backend": {"service": {"name": name, "port": {"name": "http"}}},
                            }
                        ]
                    },
                }
            ],
        },
        opts=pulumi.ResourceOptions(parent=service),
    )


service.metadata.name.apply(ingress)
