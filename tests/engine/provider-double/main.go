// Command provider-double is a TEST DOUBLE of a Pulumi resource provider plugin.
// It is NOT the AWS (or Kubernetes) provider and is never shipped: it exists so
// that `pulumi preview` can run a Node.js program and a policy pack fully
// offline in prodready's engine tests.
//
// build.sh installs it as pulumi-resource-aws (the engine tests use the real
// Kubernetes provider); it looks at the name it was started as to pick the
// package name and the version it reports, so it can stand in for another
// package under another name.
//
// Behaviour:
//   - accepts any provider configuration (CheckConfig echoes, Configure accepts);
//   - Check returns the inputs unchanged; Diff/DiffConfig report no changes;
//   - Create/Update echo the inputs as outputs (preview or not); Read echoes;
//     Delete does nothing;
//   - Invoke answers a few well-known AWS data sources with fixed values,
//     decodes YAML for kubernetes:yaml:decode (what k8s.yaml.ConfigGroup asks
//     the real provider), and answers everything else with an empty object;
//   - GetPluginInfo reports the version stamped at build time (the version
//     the npm SDK in node_modules asks for), so the engine never tries to
//     download the real plugin;
//   - GetSchema serves <plugin file>.schema.json beside the executable if it
//     exists (build.sh derives it from the npm SDK), else a name and version.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
	"gopkg.in/yaml.v3"
)

// Versions reported by GetPluginInfo, per package. Overridden at build time with
//
//	-ldflags "-X main.awsVersion=7.48.0"
//
// (build.sh reads it from node_modules/@pulumi/aws/package.json), or at run
// time with PRODREADY_PROVIDER_DOUBLE_VERSION.
var (
	awsVersion        = "0.0.0-double"
	kubernetesVersion = "0.0.0-double"
)

type double struct {
	pulumirpc.UnimplementedResourceProviderServer
	pkg     string
	version string
}

func packageFromExecutable() string {
	base := filepath.Base(os.Args[0])
	base = strings.TrimSuffix(base, filepath.Ext(base))
	if p := os.Getenv("PRODREADY_PROVIDER_DOUBLE_PACKAGE"); p != "" {
		return p
	}
	return strings.TrimPrefix(base, "pulumi-resource-")
}

func (d *double) Handshake(context.Context, *pulumirpc.ProviderHandshakeRequest) (*pulumirpc.ProviderHandshakeResponse, error) {
	return &pulumirpc.ProviderHandshakeResponse{AcceptSecrets: true, AcceptResources: true, AcceptOutputs: true}, nil
}

func (d *double) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: d.version}, nil
}

// GetSchema serves <executable>.schema.json when it exists: the YAML language host
// resolves type tokens and property names against the schema (the Node.js SDK
// needs none). Its version is replaced by the one the double reports, which the
// engine expects.
func (d *double) GetSchema(context.Context, *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	schema := map[string]json.RawMessage{}
	schema["name"], _ = json.Marshal(d.pkg)
	if exe, err := os.Executable(); err == nil {
		file := strings.TrimSuffix(exe, filepath.Ext(exe)) + ".schema.json"
		b, err := os.ReadFile(file)
		if err == nil {
			err = json.Unmarshal(b, &schema)
		}
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("provider double: %s: %w", file, err)
		}
	}
	schema["version"], _ = json.Marshal(d.version)
	b, err := json.Marshal(schema)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.GetSchemaResponse{Schema: string(b)}, nil
}

func (d *double) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

func (d *double) DiffConfig(context.Context, *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
}

func (d *double) Configure(context.Context, *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	return &pulumirpc.ConfigureResponse{
		AcceptSecrets: true, SupportsPreview: true, AcceptResources: true, AcceptOutputs: true,
	}, nil
}

func (d *double) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

func (d *double) Diff(context.Context, *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
}

func fakeID(urn string) string {
	sum := sha256.Sum256([]byte(urn))
	return "double-" + hex.EncodeToString(sum[:6])
}

func (d *double) Create(_ context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	id := fakeID(req.GetUrn())
	if req.GetPreview() {
		id = "" // the engine treats an empty ID during preview as "unknown"
	}
	return &pulumirpc.CreateResponse{Id: id, Properties: req.GetProperties()}, nil
}

func (d *double) Update(_ context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	return &pulumirpc.UpdateResponse{Properties: req.GetNews()}, nil
}

func (d *double) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: req.GetProperties(), Inputs: req.GetInputs()}, nil
}

func (d *double) Delete(context.Context, *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func (d *double) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

// invokeResults are the canned answers of Invoke, by function token.
var invokeResults = map[string]map[string]any{
	"aws:index/getRegion:getRegion": {
		"name": "us-east-1", "region": "us-east-1", "id": "us-east-1",
		"description": "US East (N. Virginia)", "endpoint": "ec2.us-east-1.amazonaws.com",
	},
	"aws:index/getAvailabilityZones:getAvailabilityZones": {
		"id":         "us-east-1",
		"names":      []any{"us-east-1a", "us-east-1b", "us-east-1c"},
		"zoneIds":    []any{"use1-az1", "use1-az2", "use1-az4"},
		"groupNames": []any{"us-east-1", "us-east-1", "us-east-1"},
	},
	"aws:index/getCallerIdentity:getCallerIdentity": {
		"id": "123456789012", "accountId": "123456789012",
		"arn": "arn:aws:iam::123456789012:user/provider-double", "userId": "AIDAPROVIDERDOUBLE",
	},
	"aws:index/getPartition:getPartition": {
		"id": "aws", "partition": "aws", "dnsSuffix": "amazonaws.com", "reverseDnsPrefix": "com.amazonaws",
	},
}

// decodeYAML splits a multi-document YAML text into objects, as the Kubernetes provider does.
func decodeYAML(text string) (map[string]any, error) {
	decoder := yaml.NewDecoder(strings.NewReader(text))
	objects := []any{}
	for {
		var object map[string]any
		err := decoder.Decode(&object)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if object != nil {
			objects = append(objects, object)
		}
	}
	return map[string]any{"result": objects}, nil
}

func (d *double) Invoke(_ context.Context, req *pulumirpc.InvokeRequest) (*pulumirpc.InvokeResponse, error) {
	result, ok := invokeResults[req.GetTok()]
	if req.GetTok() == "kubernetes:yaml:decode" {
		decoded, err := decodeYAML(req.GetArgs().GetFields()["text"].GetStringValue())
		if err != nil {
			return nil, err
		}
		result, ok = decoded, true
	}
	if !ok {
		result = map[string]any{}
	}
	ret, err := structpb.NewStruct(result)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.InvokeResponse{Return: ret}, nil
}

func main() {
	pkg := packageFromExecutable()
	version := map[string]string{"aws": awsVersion, "kubernetes": kubernetesVersion}[pkg]
	if v := os.Getenv("PRODREADY_PROVIDER_DOUBLE_VERSION"); v != "" {
		version = v
	}
	if version == "" {
		version = "0.0.0-double"
	}
	if len(os.Args) > 1 && (os.Args[1] == "--version" || os.Args[1] == "-version") {
		fmt.Println(version)
		return
	}
	// Arguments from the engine (--logtostderr, -v=N, --tracing X, <engine address>) are ignored:
	// the double needs no engine callbacks.
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterResourceProviderServer(srv, &double{pkg: pkg, version: version})
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "provider double: %v\n", err)
		os.Exit(1)
	}
	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "provider double: %v\n", err)
		os.Exit(1)
	}
}
