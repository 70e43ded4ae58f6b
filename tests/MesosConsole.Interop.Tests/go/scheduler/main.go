// Command scheduler is a small Mesos framework written against mesos-go 0.0.6 (Debian's
// golang-github-mesos-mesos-go-dev), used by MesosConsole.Interop.Tests to drive a Mesos master
// with a client nobody in this project wrote.
//
// It subscribes over the v1 scheduler API with the JSON codec (or, with -codec protobuf, mesos-go's
// default protobuf codec), launches -tasks command tasks
// (cpus 0.1, mem 32 each) from the offers it gets, declines what it does not use, acknowledges
// every status update through mesos-go's own ack rule, waits until every task is terminal, reads
// each task's sandbox stdout through the agent's files API, tears the framework down and prints
// one JSON line with the results. Any failure ends it with a message on stderr and exit status 1.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/user"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	mesos "github.com/mesos/mesos-go/api/v1/lib"
	"github.com/mesos/mesos-go/api/v1/lib/encoding/codecs"
	"github.com/mesos/mesos-go/api/v1/lib/extras/scheduler/callrules"
	"github.com/mesos/mesos-go/api/v1/lib/extras/scheduler/controller"
	"github.com/mesos/mesos-go/api/v1/lib/extras/scheduler/eventrules"
	"github.com/mesos/mesos-go/api/v1/lib/extras/store"
	"github.com/mesos/mesos-go/api/v1/lib/httpcli"
	"github.com/mesos/mesos-go/api/v1/lib/httpcli/httpsched"
	"github.com/mesos/mesos-go/api/v1/lib/resources"
	"github.com/mesos/mesos-go/api/v1/lib/scheduler"
	"github.com/mesos/mesos-go/api/v1/lib/scheduler/calls"
	"github.com/mesos/mesos-go/api/v1/lib/scheduler/events"
)

const (
	taskCPUs = 0.1
	taskMem  = 32.0
)

type config struct {
	master    string
	tasks     int
	cmd       string
	timeout   time.Duration
	name      string
	user      string
	partition bool
	teardown  bool
	codec     string
}

// taskResult is one task's entry in the printed JSON line.
type taskResult struct {
	ID      string   `json:"id"`
	AgentID string   `json:"agent_id"`
	State   string   `json:"state"`
	States  []string `json:"states"`
	Reason  string   `json:"reason,omitempty"`
	Message string   `json:"message,omitempty"`
	Stdout  string   `json:"stdout"`
}

// output is the single JSON line printed on success.
type output struct {
	FrameworkID  string       `json:"framework_id"`
	Tasks        []taskResult `json:"tasks"`
	Offers       int          `json:"offers"`
	Declined     int          `json:"declined"`
	Acknowledged int          `json:"acknowledged"`
	TornDown     bool         `json:"torn_down"`
}

type taskState struct {
	index    int
	id       string
	agentID  string
	launched bool
	terminal bool
	final    mesos.TaskState
	states   []string
	reason   string
	message  string
}

// framework holds what the event handlers learn; every field is guarded by mu.
type framework struct {
	cfg    config
	caller calls.Caller
	fid    store.Singleton

	mu           sync.Mutex
	tasks        []*taskState
	byID         map[string]*taskState
	nextToLaunch int
	terminal     int
	agentURLs    map[string]string // agent id -> http://host:port from the offer's url
	offers       int
	declined     int
	acknowledged int
	allDone      chan struct{}
}

func main() {
	var cfg config
	flag.StringVar(&cfg.master, "master", "http://127.0.0.1:5050", "Mesos master base URL")
	flag.IntVar(&cfg.tasks, "tasks", 1, "number of command tasks to run")
	flag.StringVar(&cfg.cmd, "cmd", "echo hello-from-task-%d", "shell command of each task; %d becomes the task index")
	flag.DurationVar(&cfg.timeout, "timeout", 2*time.Minute, "give up after this long")
	flag.StringVar(&cfg.name, "name", "mesos-go-interop", "framework name")
	flag.StringVar(&cfg.user, "user", "", "user the tasks run as (default: the current user)")
	flag.BoolVar(&cfg.partition, "partition-aware", true, "announce the PARTITION_AWARE capability")
	flag.BoolVar(&cfg.teardown, "teardown", true, "tear the framework down at the end")
	flag.StringVar(&cfg.codec, "codec", codecs.NameJSON, "json or protobuf (mesos-go's own default)")
	flag.Parse()

	if cfg.tasks < 1 {
		fail(errors.New("-tasks must be at least 1"))
	}
	if cfg.user == "" {
		cfg.user = "root"
		if u, err := user.Current(); err == nil && u.Username != "" {
			cfg.user = u.Username
		}
	}
	out, err := run(cfg)
	if err != nil {
		fail(err)
	}
	line, err := json.Marshal(out)
	if err != nil {
		fail(err)
	}
	fmt.Println(string(line))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "scheduler: "+err.Error())
	os.Exit(1)
}

func run(cfg config) (*output, error) {
	ctx, cancel := context.WithTimeout(context.Background(), cfg.timeout)
	defer cancel()

	fw := &framework{
		cfg:       cfg,
		fid:       store.NewInMemorySingleton(),
		byID:      map[string]*taskState{},
		agentURLs: map[string]string{},
		allDone:   make(chan struct{}),
	}
	for i := 0; i < cfg.tasks; i++ {
		t := &taskState{index: i, id: "task-" + strconv.Itoa(i)}
		fw.tasks = append(fw.tasks, t)
		fw.byID[t.id] = t
	}

	// The codec is always chosen explicitly, so the flag decides and not mesos-go's default.
	codec := codecs.ByMediaType[codecs.MediaTypeJSON]
	switch cfg.codec {
	case codecs.NameJSON:
	case codecs.NameProtobuf:
		codec = codecs.ByMediaType[codecs.MediaTypeProtobuf]
	default:
		return nil, errors.New("-codec must be json or protobuf")
	}
	client := httpcli.New(
		httpcli.Endpoint(strings.TrimRight(cfg.master, "/")+"/api/v1/scheduler"),
		httpcli.Codec(codec),
		httpcli.Do(httpcli.With(httpcli.Timeout(20*time.Second))),
	)
	fw.caller = callrules.WithFrameworkID(store.GetIgnoreErrors(fw.fid)).Caller(httpsched.NewCaller(client))

	info := &mesos.FrameworkInfo{User: cfg.user, Name: cfg.name}
	if cfg.partition {
		info.Capabilities = []mesos.FrameworkInfo_Capability{{Type: mesos.FrameworkInfo_Capability_PARTITION_AWARE}}
	}

	handler := eventrules.New(
		controller.LiftErrors(),                 // an ERROR event ends the subscription
		controller.TrackSubscription(fw.fid, 0), // remembers the framework id from SUBSCRIBED
		controller.AckStatusUpdates(fw.caller),  // ACKNOWLEDGE every update that carries a uuid
	).Handle(events.Handlers{
		scheduler.Event_OFFERS: events.HandlerFunc(fw.handleOffers),
		scheduler.Event_UPDATE: events.HandlerFunc(fw.handleUpdate),
	})

	// One registration token, then a closed channel: subscribe once, never re-subscribe.
	tokens := make(chan struct{}, 1)
	tokens <- struct{}{}
	close(tokens)

	var (
		subMu     sync.Mutex
		subErrors []string
	)
	runDone := make(chan error, 1)
	go func() {
		runDone <- controller.Run(ctx, info, fw.caller,
			controller.WithEventHandler(handler),
			controller.WithRegistrationTokens(tokens),
			controller.WithSubscriptionTerminated(func(err error) {
				if err != nil {
					subMu.Lock()
					subErrors = append(subErrors, err.Error())
					subMu.Unlock()
				}
			}),
		)
	}()

	select {
	case <-fw.allDone:
	case err := <-runDone:
		subMu.Lock()
		defer subMu.Unlock()
		return nil, fmt.Errorf("subscription ended before every task was terminal (run: %v; subscription errors: %v); %s",
			err, subErrors, fw.summary())
	case <-ctx.Done():
		return nil, fmt.Errorf("timed out after %s waiting for all tasks to be terminal; %s", cfg.timeout, fw.summary())
	}

	fid, _ := fw.fid.Get()
	out := &output{FrameworkID: fid}
	fw.mu.Lock()
	tasks := append([]*taskState(nil), fw.tasks...)
	agentURLs := map[string]string{}
	for k, v := range fw.agentURLs {
		agentURLs[k] = v
	}
	out.Offers, out.Declined, out.Acknowledged = fw.offers, fw.declined, fw.acknowledged
	fw.mu.Unlock()

	sort.Slice(tasks, func(i, j int) bool { return tasks[i].index < tasks[j].index })
	httpClient := &http.Client{Timeout: 15 * time.Second}
	for _, t := range tasks {
		base, ok := agentURLs[t.agentID]
		if !ok {
			return nil, fmt.Errorf("task %s ran on agent %q, which no offer told the address of", t.id, t.agentID)
		}
		path := "/frameworks/" + fid + "/executors/" + t.id + "/runs/latest/stdout"
		stdout, err := readSandboxFile(ctx, httpClient, base, path)
		if err != nil {
			return nil, fmt.Errorf("reading stdout of %s: %v", t.id, err)
		}
		out.Tasks = append(out.Tasks, taskResult{
			ID: t.id, AgentID: t.agentID, State: t.final.String(), States: t.states,
			Reason: t.reason, Message: t.message, Stdout: stdout,
		})
	}

	if cfg.teardown {
		if err := calls.CallNoData(ctx, fw.caller, &scheduler.Call{Type: scheduler.Call_TEARDOWN}); err != nil {
			return nil, fmt.Errorf("TEARDOWN failed: %v", err)
		}
		out.TornDown = true
	}

	// Stop the event loop (the master closes the stream after TEARDOWN; cancelling covers the rest).
	cancel()
	select {
	case <-runDone:
	case <-time.After(15 * time.Second):
		return nil, errors.New("the scheduler event loop did not stop within 15s of cancellation")
	}
	return out, nil
}

func (fw *framework) handleOffers(ctx context.Context, e *scheduler.Event) error {
	for _, offer := range e.GetOffers().GetOffers() {
		if err := fw.handleOffer(ctx, offer); err != nil {
			return err
		}
	}
	return nil
}

func (fw *framework) handleOffer(ctx context.Context, offer mesos.Offer) error {
	fw.mu.Lock()
	fw.offers++
	if u := offer.GetURL(); u != nil {
		fw.agentURLs[offer.AgentID.Value] = agentBaseURL(u)
	}
	cpus, _ := resources.CPUs(offer.Resources...)
	mem, _ := resources.Memory(offer.Resources...)
	fits := int(math.Min(math.Floor((cpus+1e-9)/taskCPUs), math.Floor((float64(mem)+1e-9)/taskMem)))
	var launch []mesos.TaskInfo
	for fits > 0 && fw.nextToLaunch < len(fw.tasks) {
		t := fw.tasks[fw.nextToLaunch]
		fw.nextToLaunch++
		fits--
		t.launched = true
		t.agentID = offer.AgentID.Value
		launch = append(launch, mesos.TaskInfo{
			Name:    "interop " + t.id,
			TaskID:  mesos.TaskID{Value: t.id},
			AgentID: offer.AgentID,
			Resources: []mesos.Resource{
				withRoleOf(resources.NewCPUs(taskCPUs), offer.Resources, "cpus"),
				withRoleOf(resources.NewMemory(taskMem), offer.Resources, "mem"),
			},
			Command: &mesos.CommandInfo{Shell: boolPtr(true), Value: strPtr(commandFor(fw.cfg.cmd, t.index))},
		})
	}
	allLaunched := fw.nextToLaunch >= len(fw.tasks)
	if len(launch) == 0 {
		fw.declined++
	}
	fw.mu.Unlock()

	if len(launch) == 0 {
		refuse := time.Second
		if allLaunched {
			refuse = time.Hour
		}
		decline := calls.Decline(offer.ID).With(calls.RefuseSeconds(refuse))
		if err := calls.CallNoData(ctx, fw.caller, decline); err != nil {
			return fmt.Errorf("DECLINE of offer %s failed: %v", offer.ID.Value, err)
		}
		return nil
	}
	accept := calls.Accept(calls.OfferOperations{calls.OpLaunch(launch...)}.WithOffers(offer.ID)).
		With(calls.RefuseSeconds(5 * time.Second))
	if err := calls.CallNoData(ctx, fw.caller, accept); err != nil {
		return fmt.Errorf("ACCEPT of offer %s failed: %v", offer.ID.Value, err)
	}
	return nil
}

// handleUpdate runs after mesos-go's AckStatusUpdates rule has acknowledged the update.
func (fw *framework) handleUpdate(_ context.Context, e *scheduler.Event) error {
	status := e.GetUpdate().GetStatus()
	fw.mu.Lock()
	defer fw.mu.Unlock()
	if len(status.UUID) > 0 {
		fw.acknowledged++
	}
	t, ok := fw.byID[status.TaskID.Value]
	if !ok {
		return fmt.Errorf("status update for unknown task %q", status.TaskID.Value)
	}
	state := status.GetState()
	t.states = append(t.states, state.String())
	if status.AgentID != nil && t.agentID == "" {
		t.agentID = status.AgentID.Value
	}
	if !isTerminal(state) || t.terminal {
		return nil
	}
	t.terminal = true
	t.final = state
	if status.Reason != nil {
		t.reason = status.Reason.String()
	}
	t.message = status.GetMessage()
	fw.terminal++
	if fw.terminal == len(fw.tasks) {
		close(fw.allDone)
	}
	return nil
}

func (fw *framework) summary() string {
	fw.mu.Lock()
	defer fw.mu.Unlock()
	parts := []string{fmt.Sprintf("offers=%d launched=%d terminal=%d/%d", fw.offers, fw.nextToLaunch, fw.terminal, len(fw.tasks))}
	for _, t := range fw.tasks {
		if t.launched {
			parts = append(parts, t.id+":"+strings.Join(t.states, ">"))
		}
	}
	return strings.Join(parts, " ")
}

func isTerminal(s mesos.TaskState) bool {
	switch s {
	case mesos.TASK_FINISHED, mesos.TASK_FAILED, mesos.TASK_KILLED, mesos.TASK_ERROR, mesos.TASK_LOST,
		mesos.TASK_DROPPED, mesos.TASK_GONE, mesos.TASK_GONE_BY_OPERATOR:
		return true
	}
	return false
}

// agentBaseURL builds http://host:port of the agent process from an offer's url.
func agentBaseURL(u *mesos.URL) string {
	addr := u.GetAddress()
	host := addr.GetIP()
	if host == "" {
		host = addr.GetHostname()
	}
	scheme := u.GetScheme()
	if scheme == "" {
		scheme = "http"
	}
	return scheme + "://" + net.JoinHostPort(host, strconv.Itoa(int(addr.GetPort())))
}

// readSandboxFile reads a whole file through GET /files/read, following offsets until no data is left.
func readSandboxFile(ctx context.Context, client *http.Client, base, path string) (string, error) {
	var sb strings.Builder
	offset := 0
	for round := 0; round < 10000; round++ {
		q := url.Values{"path": {path}, "offset": {strconv.Itoa(offset)}}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/files/read?"+q.Encode(), nil)
		if err != nil {
			return "", err
		}
		res, err := client.Do(req)
		if err != nil {
			return "", err
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			return "", err
		}
		if res.StatusCode != http.StatusOK {
			return "", fmt.Errorf("GET %s: HTTP %d: %s", req.URL, res.StatusCode, strings.TrimSpace(string(body)))
		}
		var chunk struct {
			Data   *string `json:"data"`
			Offset *int64  `json:"offset"`
		}
		if err := json.Unmarshal(body, &chunk); err != nil {
			return "", fmt.Errorf("GET %s: bad JSON %q: %v", req.URL, string(body), err)
		}
		if chunk.Data == nil || chunk.Offset == nil {
			return "", fmt.Errorf("GET %s: answer lacks data or offset: %s", req.URL, string(body))
		}
		if *chunk.Offset != int64(offset) {
			return "", fmt.Errorf("GET %s: answer offset %d, expected %d", req.URL, *chunk.Offset, offset)
		}
		if *chunk.Data == "" {
			return sb.String(), nil
		}
		sb.WriteString(*chunk.Data)
		offset += len(*chunk.Data) // bytes of the UTF-8 text
	}
	return "", fmt.Errorf("%s did not end after 10000 reads", path)
}

// withRoleOf gives a task resource the role the offer shows for that resource, if it shows one.
func withRoleOf(b *resources.Builder, offered []mesos.Resource, name string) mesos.Resource {
	for _, r := range offered {
		if r.Name == name && r.Role != nil {
			return b.Role(*r.Role).Resource
		}
	}
	return b.Resource
}

// commandFor fills every %d of the template with the task index.
func commandFor(template string, index int) string {
	return strings.ReplaceAll(template, "%d", strconv.Itoa(index))
}

func boolPtr(b bool) *bool    { return &b }
func strPtr(s string) *string { return &s }
