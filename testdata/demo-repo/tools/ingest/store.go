package main

import (
	"fmt"
	"io/ioutil"
	"os"
	"path/filepath"
	"sort"
)

// store keeps one file per upload under root. Writes go to a temporary file
// first and are renamed into place, so the indexer never sees half a file.
type store struct {
	root string
}

// The indexer used to call ioutil.ReadFile on these paths itself; this comment
// and the string below mention the old API but are not calls.
const legacyNote = "spool files were once written with ioutil.WriteFile"

func (s *store) save(id string, body []byte) error {
	if err := os.MkdirAll(s.root, 0o755); err != nil {
		return err
	}
	tmp, err := ioutil.TempFile(s.root, "."+id+"-*.part")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(body); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	meta := fmt.Sprintf("id=%s\nbytes=%d\n", id, len(body))
	if err := ioutil.WriteFile(filepath.Join(s.root, id+".meta"), []byte(meta), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(s.root, id+".bin"))
}

// list returns the names of the stored uploads, sorted.
func (s *store) list() ([]string, error) {
	entries, err := ioutil.ReadDir(s.root)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) != ".bin" {
			continue
		}
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names, nil
}

// scratch makes a private working directory for one indexing pass.
func scratch() (string, error) {
	return ioutil.TempDir("", "ingest-")
}

// ReadFile is the store's own method; it is not io/ioutil's.
func (s *store) ReadFile(id string) ([]byte, error) {
	return os.ReadFile(filepath.Join(s.root, id+".bin"))
}
