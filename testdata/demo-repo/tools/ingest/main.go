// Command ingest pulls new uploads from the upload service and stores them in
// a local spool directory for the indexer.
package main

import (
	"flag"
	"fmt"
	"io/ioutil"
	"log"
	"os"
	"strings"
)

type config struct {
	Endpoint string
	SpoolDir string
	Token    string
}

// loadConfig reads a KEY=VALUE file; blank lines and # comments are skipped.
func loadConfig(path string) (*config, error) {
	data, err := ioutil.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	cfg := &config{Endpoint: "http://localhost:8080", SpoolDir: "spool"}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("config line %q: want KEY=VALUE", line)
		}
		switch strings.TrimSpace(key) {
		case "endpoint":
			cfg.Endpoint = strings.TrimSpace(value)
		case "spool_dir":
			cfg.SpoolDir = strings.TrimSpace(value)
		case "token":
			cfg.Token = strings.TrimSpace(value)
		}
	}
	return cfg, nil
}

func main() {
	configPath := flag.String("config", "ingest.conf", "path to the config file")
	flag.Parse()

	cfg, err := loadConfig(*configPath)
	if err != nil {
		log.Fatal(err)
	}
	client := newClient(cfg.Endpoint, cfg.Token)
	ids, err := client.listFiles()
	if err != nil {
		log.Fatal(err)
	}
	st := &store{root: cfg.SpoolDir}
	for _, id := range ids {
		body, err := client.download(id)
		if err != nil {
			log.Printf("skip %s: %v", id, err)
			continue
		}
		if err := st.save(id, body); err != nil {
			log.Fatal(err)
		}
	}
	names, err := st.list()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stdout, "%d files in %s\n", len(names), cfg.SpoolDir)
}
