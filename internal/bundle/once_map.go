package bundle

import "sync"

// onceMap computes one value per key at most once and shares it between
// goroutines; errors are kept like values.
type onceMap[T any] struct {
	mu sync.Mutex
	m  map[string]*onceValue[T]
}

type onceValue[T any] struct {
	once sync.Once
	v    T
	err  error
}

// get returns the value for key, calling load the first time key is asked for.
func (c *onceMap[T]) get(key string, load func() (T, error)) (T, error) {
	c.mu.Lock()
	e := c.m[key]
	if e == nil {
		if c.m == nil {
			c.m = make(map[string]*onceValue[T])
		}
		e = &onceValue[T]{}
		c.m[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.v, e.err = load() })
	return e.v, e.err
}
