// Package jupyter is a client for Jupyter kernels: it starts a kernel from its
// kernelspec, talks to it with the Jupyter messaging protocol (v5) over ZeroMQ,
// and stops it again, so that Go programs can run notebook cells without a
// browser, a Jupyter server or Python.
//
// It works with any conforming kernel (it is tested against gonb and against
// ipykernel): messages are signed and checked with HMAC-SHA256, and a message
// whose signature does not match is dropped and reported, never delivered.
// All five channels are used: shell (requests and replies), iopub (outputs and
// status), control (interrupt and shutdown), stdin (input requests) and the
// heartbeat.
//
// The usual sequence is:
//
//	spec, _ := kernelspec.Find("fearless")
//	k, _ := jupyter.Start(ctx, spec, jupyter.StartOptions{})
//	defer k.Shutdown(ctx)
//	res, _ := k.Client().Execute(ctx, jupyter.ExecuteRequest{Code: "%%\nfmt.Println(1)"}, jupyter.ExecuteOptions{})
//
// Execute returns once the kernel has sent its execute_reply and gone idle on
// iopub, so every output of the request has been seen. Interrupt follows the
// kernelspec's interrupt_mode (an interrupt_request on control for "message",
// SIGINT for "signal").
package jupyter
