// Package rec is the recorder's machinery behind helpers/trace: the event
// buffer, object ids, name registries and the Emit entry points the helper
// packages call. Learners use helpers/trace (Start, Stop, Span, Mark, Label);
// code outside the helpers that writes a primitive of its own, or
// synthesises a recording, uses helpers/trace/primitive.
package rec
