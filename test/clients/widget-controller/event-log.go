package main

import (
	"encoding/json"
	"io"
	"sync"

	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/client-go/tools/cache"
)

// entry is one line of the controller's log on stdout, which the test reads:
//   - watch: what the Widget informer's handlers were told (ADDED, MODIFIED, DELETED, or
//     DELETED_UNKNOWN: a tombstone, which only a relist after a lost watch produces);
//   - progress: the informer's last synced resourceVersion moved (watch events and bookmarks);
//   - reconciled, conflict, error: a status write's outcome; synced: the cache is filled.
type entry struct {
	Kind            string `json:"kind"`
	Type            string `json:"type,omitempty"`
	Name            string `json:"name,omitempty"`
	ResourceVersion string `json:"rv,omitempty"`
	Generation      int64  `json:"generation,omitempty"`
	Initial         bool   `json:"initial,omitempty"`
	Error           string `json:"error,omitempty"`
}

type eventLog struct {
	mu  sync.Mutex
	out *json.Encoder
}

func newEventLog(w io.Writer) *eventLog {
	return &eventLog{out: json.NewEncoder(w)}
}

func (l *eventLog) write(e entry) {
	l.mu.Lock()
	defer l.mu.Unlock()
	_ = l.out.Encode(e)
}

// watchHandler logs every notification of the informer. An update whose resourceVersion did
// not change is a resync, not a watch event, and is logged as SYNC so the test can tell them apart.
func (l *eventLog) watchHandler() cache.ResourceEventHandler {
	logObject := func(kind string, obj interface{}, initial bool) {
		if o, err := meta.Accessor(obj); err == nil {
			l.write(entry{Kind: "watch", Type: kind, Name: o.GetName(), ResourceVersion: o.GetResourceVersion(), Initial: initial})
		}
	}
	return cache.ResourceEventHandlerDetailedFuncs{
		AddFunc: func(obj interface{}, initial bool) { logObject("ADDED", obj, initial) },
		UpdateFunc: func(old, obj interface{}) {
			o, _ := meta.Accessor(old)
			n, _ := meta.Accessor(obj)
			if o != nil && n != nil && o.GetResourceVersion() == n.GetResourceVersion() {
				logObject("SYNC", obj, false)
				return
			}
			logObject("MODIFIED", obj, false)
		},
		DeleteFunc: func(obj interface{}) {
			if tombstone, ok := obj.(cache.DeletedFinalStateUnknown); ok {
				logObject("DELETED_UNKNOWN", tombstone.Obj, false)
				return
			}
			logObject("DELETED", obj, false)
		},
	}
}
