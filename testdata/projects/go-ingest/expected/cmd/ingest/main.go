package main

import (
	"fmt"
	"io"
	"log"
	"os"

	"example.com/ingest/store"
)

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		log.Fatal(err)
	}
	// ioutil.WriteFile used to be called here; see store.Save.
	if err := store.Save("out.json", data); err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(data))
}
