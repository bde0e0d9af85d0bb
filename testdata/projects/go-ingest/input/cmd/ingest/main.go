package main

import (
	"fmt"
	iou "io/ioutil"
	"log"
	"os"

	"example.com/ingest/store"
)

func main() {
	data, err := iou.ReadAll(os.Stdin)
	if err != nil {
		log.Fatal(err)
	}
	// ioutil.WriteFile used to be called here; see store.Save.
	if err := store.Save("out.json", data); err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(data))
}
