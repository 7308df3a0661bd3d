// Caseline patch, added to FerretDB's internal/handler package at build time by
// scripts/build-ferretdb.sh.
//
// FerretDB 1.x runs findAndModify and update as a query followed by a write by _id
// (FerretDB issue #2168), so two concurrent conditional updates such as
// {_id, version: 7} can both match and both write, and two `$inc`s can read the same
// value. MongoDB applies every single-document update atomically, and Caseline's
// optimistic concurrency and case counter rely on that. Serializing the write commands
// gives this local development and test server the same guarantee.

package handler

import (
	"context"
	"sync"

	"github.com/FerretDB/wire"
)

var caselineWriteLock sync.Mutex

func caselineSerializeWrites(h *Handler) {
	for _, name := range []string{"findAndModify", "findandmodify", "update", "delete", "insert"} {
		cmd, ok := h.commands[name]
		if !ok {
			continue
		}
		inner := cmd.Handler
		cmd.Handler = func(ctx context.Context, msg *wire.OpMsg) (*wire.OpMsg, error) {
			caselineWriteLock.Lock()
			defer caselineWriteLock.Unlock()
			return inner(ctx, msg)
		}
	}
}
