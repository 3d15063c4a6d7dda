// The test bench's sample service: a small Go HTTP server as a real Go service runs, so
// golive's journeys (check, apply, verify, reboot, rollback) act on a real process under a
// real systemd. It reports what it got from its environment at start, so tests can compare.
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"time"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:8080", "address to listen on")
	get := flag.String("get", "", "fetch this URL, print its body and exit (the bench has no curl)")
	flag.Parse()
	if *get != "" {
		os.Exit(fetch(*get))
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintln(os.Stderr, "api:", err)
		os.Exit(1)
	}
	http.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok\n") })
	http.HandleFunc("/runtime", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintf(w, "gomaxprocs=%d\ngomemlimit=%d\npid=%d\n", runtime.GOMAXPROCS(0), debug.SetMemoryLimit(-1), os.Getpid())
	})
	fmt.Println("api: listening on", ln.Addr())
	srv := &http.Server{ReadHeaderTimeout: 5 * time.Second}
	if err := srv.Serve(ln); err != nil {
		fmt.Fprintln(os.Stderr, "api:", err)
		os.Exit(1)
	}
}

func fetch(url string) int {
	c := http.Client{Timeout: 5 * time.Second}
	r, err := c.Get(url)
	if err != nil {
		fmt.Fprintln(os.Stderr, "api -get:", err)
		return 1
	}
	defer r.Body.Close()
	io.Copy(os.Stdout, r.Body)
	if r.StatusCode != http.StatusOK {
		return 1
	}
	return 0
}
