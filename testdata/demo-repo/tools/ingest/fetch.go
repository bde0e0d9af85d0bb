package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/ioutil"
	"net/http"
	"time"
)

type client struct {
	base  string
	token string
	http  *http.Client
}

func newClient(base, token string) *client {
	return &client{base: base, token: token, http: &http.Client{Timeout: 30 * time.Second}}
}

// do sends req, retrying once on a 5xx answer. The body is buffered so that
// it can be sent again.
func (c *client) do(req *http.Request, body []byte) (*http.Response, error) {
	req.Header.Set("Authorization", "Bearer "+c.token)
	for attempt := 0; ; attempt++ {
		if body != nil {
			req.Body = ioutil.NopCloser(bytes.NewReader(body))
		}
		resp, err := c.http.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode < 500 || attempt == 1 {
			return resp, nil
		}
		// Drain so the connection can be reused.
		io.Copy(ioutil.Discard, resp.Body)
		resp.Body.Close()
	}
}

func (c *client) listFiles() ([]string, error) {
	req, err := http.NewRequest(http.MethodGet, c.base+"/files?limit=100", nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.do(req, nil)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out struct {
		Files []struct {
			ID string `json:"id"`
		} `json:"files"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, fmt.Errorf("decode file list: %w", err)
	}
	ids := make([]string, 0, len(out.Files))
	for _, f := range out.Files {
		ids = append(ids, f.ID)
	}
	return ids, nil
}

func (c *client) download(id string) ([]byte, error) {
	req, err := http.NewRequest(http.MethodGet, c.base+"/files/"+id, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.do(req, nil)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download %s: %s", id, resp.Status)
	}
	return ioutil.ReadAll(resp.Body)
}
