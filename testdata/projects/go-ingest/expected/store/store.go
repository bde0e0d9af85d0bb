package store

import (
	"os"
	"path/filepath"
)

// Save writes data under dir, through a temporary file.
func Save(name string, data []byte) error {
	dir, err := os.MkdirTemp("", "ingest")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, name), data, 0o644)
}

// Entries lists dir.
func Entries(dir string) (int, error) {
	files, err := os.ReadDir(dir)
	return len(files), err
}
