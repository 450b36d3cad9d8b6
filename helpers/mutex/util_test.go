package mutex_test

import "runtime"

func runtimeGosched() { runtime.Gosched() }
