// Command kubectl-reference decodes Kubernetes YAML or JSON files the way
// kubectl does (k8s.io/apimachinery's YAMLOrJSONDecoder over sigs.k8s.io/yaml,
// skipping empty and null documents as kubectl's resource builder does) and
// prints, for each file named on the command line, the JSON documents it read
// or the error it stopped at. prodready's agreement test compares its own
// reader with this output. Never shipped.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
)

// kubectl's resource builder sniffs this many bytes for a JSON stream.
const sniffBytes = 4096

type result struct {
	Documents []json.RawMessage `json:"documents"`
	Error     string            `json:"error,omitempty"`
}

func decode(data []byte) result {
	decoder := utilyaml.NewYAMLOrJSONDecoder(bytes.NewReader(data), sniffBytes)
	documents := []json.RawMessage{}
	for {
		var raw json.RawMessage
		err := decoder.Decode(&raw)
		if errors.Is(err, io.EOF) {
			return result{Documents: documents}
		}
		if err != nil {
			return result{Error: err.Error()}
		}
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
			continue
		}
		documents = append(documents, raw)
	}
}

func main() {
	results := map[string]result{}
	for _, file := range os.Args[1:] {
		data, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintf(os.Stderr, "kubectl-reference: %v\n", err)
			os.Exit(2)
		}
		results[file] = decode(data)
	}
	out, err := json.Marshal(results)
	if err != nil {
		fmt.Fprintf(os.Stderr, "kubectl-reference: %v\n", err)
		os.Exit(2)
	}
	os.Stdout.Write(append(out, '\n'))
}
