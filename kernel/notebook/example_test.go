package notebook_test

import (
	"fmt"
	"os"

	"github.com/fearless-go/fearless/kernel/notebook"
)

// Build a notebook with a code cell that may fail, give the cell an output
// and write it the way nbformat does.
func Example() {
	nb := notebook.New("fearless", "Go (Fearless)", "go")
	c := nb.Add(notebook.NewCode("%%\nfmt.Println(\"hi\")").Tag("raises-exception"))
	c.ID = "demo" // ids are random by default
	c.Outputs = append(c.Outputs, notebook.NewStream("stdout", "hi\n"))
	data, err := notebook.Marshal(nb)
	if err != nil {
		panic(err)
	}
	os.Stdout.Write(data)
	// Output:
	// {
	//  "cells": [
	//   {
	//    "cell_type": "code",
	//    "execution_count": null,
	//    "id": "demo",
	//    "metadata": {
	//     "tags": [
	//      "raises-exception"
	//     ]
	//    },
	//    "outputs": [
	//     {
	//      "name": "stdout",
	//      "output_type": "stream",
	//      "text": [
	//       "hi\n"
	//      ]
	//     }
	//    ],
	//    "source": [
	//     "%%\n",
	//     "fmt.Println(\"hi\")"
	//    ]
	//   }
	//  ],
	//  "metadata": {
	//   "kernelspec": {
	//    "display_name": "Go (Fearless)",
	//    "language": "go",
	//    "name": "fearless"
	//   },
	//   "language_info": {
	//    "name": "go"
	//   }
	//  },
	//  "nbformat": 4,
	//  "nbformat_minor": 5
	// }
}

// A malformed file is reported with its path and where the JSON breaks.
func ExampleRead() {
	_, err := notebook.Read("../testdata/fail/malformed.ipynb")
	fmt.Println(err)
	// Output:
	// ../testdata/fail/malformed.ipynb:5:41: invalid JSON: invalid character ',' looking for beginning of object key string
}
