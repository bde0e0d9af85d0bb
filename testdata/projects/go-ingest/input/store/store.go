package store

import (
	"io/ioutil"
	"path/filepath"
)

// Save writes data under dir, through a temporary file.
func Save(name string, data []byte) error {
	dir, err := ioutil.TempDir("", "ingest")
	if err != nil {
		return err
	}
	return ioutil.WriteFile(filepath.Join(dir, name), data, 0o644)
}

// Entries lists dir.
func Entries(dir string) (int, error) {
	files, err := ioutil.ReadDir(dir)
	return len(files), err
}
