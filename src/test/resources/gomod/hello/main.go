// Command hello is the fixture service golive's build tests cross-compile: a small HTTP
// server with a version string stamped by -ldflags "-X main.version=...".
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
)

var version = "dev"

func hello(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "hello from %s\n", version)
}

func main() {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	http.HandleFunc("/", hello)
	log.Printf("hello %s listening on %s", version, addr)
	log.Fatal(http.ListenAndServe(addr, nil))
}
