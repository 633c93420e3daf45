// Checks the wording kvol-core/src/schema/check.rs copies from Go's encoding/json (which
// sigs.k8s.io/json forks): run `GO111MODULE=off go run scripts/schema/go-json-messages.go`; each
// line is the error for one input, in the order of the tests in check.rs. The structs mimic
// k8s.io/api's (names, JSON tags, pointer fields; IntOrString's UnmarshalJSON).
package main

import (
	"encoding/json"
	"fmt"
)

type IntOrString struct {
	IntVal int32
	StrVal string
}

func (i *IntOrString) UnmarshalJSON(v []byte) error {
	if v[0] == '"' {
		return json.Unmarshal(v, &i.StrVal)
	}
	return json.Unmarshal(v, &i.IntVal)
}

type ContainerPort struct {
	ContainerPort int32 `json:"containerPort"`
}
type Container struct {
	Name  string          `json:"name"`
	Image string          `json:"image"`
	Ports []ContainerPort `json:"ports"`
	Args  []string        `json:"args"`
	Stdin bool            `json:"stdin"`
}
type PodSpec struct {
	Containers []Container `json:"containers"`
	Grace      *int64      `json:"terminationGracePeriodSeconds"`
	Labels     map[string]string `json:"nodeSelector"`
}
type ServicePort struct {
	TargetPort IntOrString `json:"targetPort"`
}
type Pod struct {
	Spec  PodSpec       `json:"spec"`
	Ports []ServicePort `json:"ports"`
	Data  map[string][]byte `json:"data"`
}

func main() {
	for _, s := range []string{
		`{"spec":{"containers":[{"name":"a","image":1}]}}`,
		`{"spec":{"containers":[{"ports":[{"containerPort":3000000000}]}]}}`,
		`{"spec":{"containers":[{"ports":[{"containerPort":1.5}]}]}}`,
		`{"spec":{"containers":[{"args":[1]}]}}`,
		`{"spec":{"containers":{"a":1}}}`,
		`{"spec":"x"}`,
		`{"spec":{"terminationGracePeriodSeconds":true}}`,
		`{"spec":{"nodeSelector":{"a":1}}}`,
		`{"ports":[{"targetPort":true}]}`,
		`{"ports":[{"targetPort":1.5}]}`,
		`{"ports":[{"targetPort":{}}]}`,
		`{"data":{"a":"not base64!"}}`,
		`{"data":{"a":"aGVsbG8"}}`,
		`{"spec":{"containers":[{"image":1,"stdin":"x"}]}, "ports":[{"targetPort":true}]}`,
	} {
		var p Pod
		fmt.Println(json.Unmarshal([]byte(s), &p))
	}
}
