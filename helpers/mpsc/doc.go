// Package mpsc is Rust's std::sync::mpsc for Go: a channel with many
// senders and one receiver, where the channel knows when every sender is
// gone.
//
// A Go channel is closed by someone; an mpsc channel closes itself. Each
// Sender is a handle: Clone makes another one, Drop ends one, and when the
// last handle is dropped the channel disconnects — the receiver gets what is
// still queued, then ErrDisconnected, and a loop over Iter ends. Forget one
// Drop and that loop waits forever, exactly as forgetting drop(tx) in Rust
// does. The other way round, once the Receiver is dropped every Send fails
// with a *SendError that hands the value back.
//
// Channel makes an unbounded channel (Rust: channel), whose sends never
// block. SyncChannel makes a bounded one (Rust: sync_channel), whose sends
// block while it is full; SyncChannel(0) is a rendezvous, where Send returns
// only once the receiver has taken the value.
//
// TrySend (Rust: try_send) never waits: on a full SyncChannel it returns
// ErrFull. TryIter (Rust: try_iter) takes only what is already queued.
// mpsc.Channel[T](mpsc.Name("jobs")) names the channel in errors and on
// timelines.
//
// Sending moves: a *own.Value sent on a channel belongs to the receiver from
// then on, and the sender's handle is dead ("use after move"), as a value
// sent on a Rust channel is. If the send fails, it is the sender's again.
//
// Where Rust refuses at compile time, this package refuses at run time and
// panics with a message naming the rule: a Sender or Receiver used after
// Drop, or one Receiver used by two goroutines at once (Receiver is not Sync).
//
// With the recorder on (helpers/trace), every message carries an id from
// its Send event to its Recv event, so a timeline draws an arrow from the
// sender to the receiver; blocked sends and receives show as spans. With the
// recorder off, a send and a receive on one goroutine cost within 2× of a
// buffered Go channel (see the benchmarks).
package mpsc
