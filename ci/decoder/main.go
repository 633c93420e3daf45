// Command k8s-yaml2json reads YAML manifests exactly as Kubernetes (kubectl and
// the API server) does and prints the JSON Kubernetes gets, one compact line
// per document. It is kvol's ground truth for "what does this YAML mean".
//
// Usage:
//
//	k8s-yaml2json < stream.yaml   one JSON line per document
//	k8s-yaml2json FILE...         one line per document of each FILE:
//	                              PATH<TAB>N<TAB>JSON
//	                              and, if FILE cannot be read as Kubernetes reads it,
//	                              PATH<TAB>N<TAB>!ERROR   (N = the failing document)
//
// N counts documents from 1. Like kubectl's resource builder, documents whose
// JSON is empty or null (comment-only or empty documents) are dropped and not
// counted. Each document is converted with sigs.k8s.io/yaml.YAMLToJSON, the
// function kubectl and the API server use (go-yaml v2, YAML 1.1 resolution
// with go-yaml's own quirks: y/n/on/off are bools, 0644 is octal, 1e3 a float).
//
// Exit status: 0 when every input was read; 1 when some document could not be
// (in stream mode the documents before it are printed and the error goes to
// stderr; in file mode the other files are still processed); 2 on a usage or
// I/O error.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"sigs.k8s.io/yaml"
)

// splitDocuments splits a YAML stream into documents the way Kubernetes' stream
// reader does (k8s.io/apimachinery/pkg/util/yaml: YAMLReader.Read on top of
// LineReader.Read; apimachinery is not packaged in Debian, so this is a
// transcription of that logic):
//
//   - input is read line by line; each line loses its "\n" or "\r\n" and gets
//     a plain "\n" back;
//   - a line that starts with "---" is a separator candidate: what follows the
//     dashes, trimmed, must be empty or start with '#', otherwise the stream is
//     rejected with "invalid Yaml document separator: REST" ("--- !!map" and
//     "---foo" are errors although they are legal YAML);
//   - at a separator a non-empty buffer is emitted as a document and the
//     separator line is dropped; with an empty buffer the separator line is
//     kept as the first line of the next document;
//   - at the end of input a non-empty buffer is emitted.
//
// The documents before an error are returned together with the error.
func splitDocuments(r io.Reader) ([][]byte, error) {
	br := bufio.NewReader(r)
	var docs [][]byte
	var cur bytes.Buffer
	for {
		line, eof, err := readLine(br)
		if err != nil {
			return docs, err
		}
		if bytes.HasPrefix(line, []byte("---")) {
			rest := bytes.TrimSpace(line[3:])
			if len(rest) > 0 && rest[0] != '#' {
				return docs, fmt.Errorf("invalid Yaml document separator: %s", rest)
			}
			if cur.Len() > 0 {
				docs = append(docs, append([]byte(nil), cur.Bytes()...))
				cur.Reset()
				continue
			}
		}
		if eof {
			if cur.Len() > 0 {
				docs = append(docs, append([]byte(nil), cur.Bytes()...))
			}
			return docs, nil
		}
		cur.Write(line)
	}
}

// readLine returns the next line with its terminator replaced by "\n", like
// apimachinery's LineReader. eof is true once the input is exhausted; the line
// returned with eof=true is then just "\n".
func readLine(br *bufio.Reader) (line []byte, eof bool, err error) {
	var buf bytes.Buffer
	for more := true; more; {
		var part []byte
		part, more, err = br.ReadLine()
		buf.Write(part)
		if err != nil {
			break
		}
	}
	buf.WriteByte('\n')
	if err == io.EOF {
		return buf.Bytes(), true, nil
	}
	return buf.Bytes(), false, err
}

// decode returns the JSON of every non-null document of a stream, in order.
// On error it returns the documents before the failing one and the error (the
// failing document is then number len(docs)+1).
func decode(r io.Reader) ([][]byte, error) {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(4096); bytes.HasPrefix(bytes.TrimLeftFunc(b, unicode.IsSpace), []byte("{")) {
		// kubectl's YAMLOrJSONDecoder (GuessJSONStream) reads such a stream as
		// JSON; kvol's manifests must be read as YAML.
		return nil, fmt.Errorf("stream starts with '{': Kubernetes reads it as JSON, not as YAML")
	}
	docs, splitErr := splitDocuments(br)
	var out [][]byte
	for _, doc := range docs {
		js, err := yaml.YAMLToJSON(doc)
		if err != nil {
			return out, err
		}
		js = bytes.TrimSpace(js)
		if len(js) == 0 || bytes.Equal(js, []byte("null")) {
			continue // kubectl skips these too
		}
		out = append(out, js)
	}
	return out, splitErr
}

// oneLine makes an error message fit on one output line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	if len(os.Args) == 1 {
		docs, err := decode(os.Stdin)
		for _, js := range docs {
			out.Write(js)
			out.WriteByte('\n')
		}
		if err != nil {
			out.Flush()
			fmt.Fprintf(os.Stderr, "k8s-yaml2json: document %d: %s\n", len(docs)+1, oneLine(err))
			os.Exit(1)
		}
		return
	}
	status := 0
	for _, path := range os.Args[1:] {
		if strings.ContainsAny(path, "\t\n") || strings.HasPrefix(path, "-") {
			out.Flush()
			fmt.Fprintf(os.Stderr, "k8s-yaml2json: unusable file name %q\n", path)
			os.Exit(2)
		}
		f, err := os.Open(path)
		if err != nil {
			out.Flush()
			fmt.Fprintln(os.Stderr, "k8s-yaml2json:", err)
			os.Exit(2)
		}
		docs, err := decode(f)
		f.Close()
		for i, js := range docs {
			fmt.Fprintf(out, "%s\t%d\t%s\n", path, i+1, js)
		}
		if err != nil {
			fmt.Fprintf(out, "%s\t%d\t!%s\n", path, len(docs)+1, oneLine(err))
			status = 1
		}
	}
	out.Flush()
	os.Exit(status)
}
