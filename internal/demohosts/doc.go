// Package demohosts holds no code: its tests run small k6-style scripts
// through wstest against the fixtures' stand-ins for the public demo hosts
// (fixtures.DemoHosts), dialed by their public URLs as
// `wstest run --fixture-host NAME` does.
package demohosts
