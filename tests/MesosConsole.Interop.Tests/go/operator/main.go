// Command operator is a Mesos operator-API client written against mesos-go 0.0.6 (Debian's
// golang-github-mesos-mesos-go-dev), used by MesosConsole.Interop.Tests.
//
// It sends GET_HEALTH, GET_VERSION, GET_MASTER, GET_STATE, GET_AGENTS, GET_FRAMEWORKS, GET_TASKS and
// GET_METRICS to the master's /api/v1 with the JSON codec (or, with -codec protobuf, mesos-go's default
// protobuf codec), optionally SUBSCRIBEs and reads the first event (SUBSCRIBED) and, with -heartbeat,
// the second (HEARTBEAT), optionally asks an agent's /api/v1 for GET_HEALTH and GET_VERSION (-agent),
// and prints one JSON line with what mesos-go decoded. Every answer must have the matching Response
// type; anything else ends it with a message on stderr and exit status 1.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	mesos "github.com/mesos/mesos-go/api/v1/lib"
	"github.com/mesos/mesos-go/api/v1/lib/agent"
	agentcalls "github.com/mesos/mesos-go/api/v1/lib/agent/calls"
	"github.com/mesos/mesos-go/api/v1/lib/encoding"
	"github.com/mesos/mesos-go/api/v1/lib/encoding/codecs"
	"github.com/mesos/mesos-go/api/v1/lib/httpcli"
	"github.com/mesos/mesos-go/api/v1/lib/httpcli/httpagent"
	"github.com/mesos/mesos-go/api/v1/lib/httpcli/httpmaster"
	"github.com/mesos/mesos-go/api/v1/lib/master"
	"github.com/mesos/mesos-go/api/v1/lib/master/calls"
)

type masterOut struct {
	ID       string `json:"id"`
	PID      string `json:"pid"`
	Hostname string `json:"hostname"`
	Port     uint32 `json:"port"`
	Version  string `json:"version"`
}

type agentOut struct {
	ID       string `json:"id"`
	Hostname string `json:"hostname"`
	Port     int32  `json:"port"`
	Active   bool   `json:"active"`
	PID      string `json:"pid"`
	Version  string `json:"version"`
}

type frameworkOut struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Active    bool   `json:"active"`
	Connected bool   `json:"connected"`
	Completed bool   `json:"completed"`
}

type taskOut struct {
	ID          string `json:"id"`
	FrameworkID string `json:"framework_id"`
	AgentID     string `json:"agent_id"`
	State       string `json:"state"`
	List        string `json:"list"` // pending, tasks, unreachable, completed
}

type countsOut struct {
	Agents              int `json:"agents"`
	Frameworks          int `json:"frameworks"`
	CompletedFrameworks int `json:"completed_frameworks"`
	Tasks               int `json:"tasks"`
	CompletedTasks      int `json:"completed_tasks"`
}

type output struct {
	Healthy    bool               `json:"healthy"`
	Version    string             `json:"version"`
	Master     masterOut          `json:"master"`
	Agents     []agentOut         `json:"agents"`
	Frameworks []frameworkOut     `json:"frameworks"`
	Tasks      []taskOut          `json:"tasks"`
	TaskStates map[string]int     `json:"task_states"`
	State      countsOut          `json:"state"`
	Metrics    map[string]float64 `json:"metrics"`
	Subscribed *countsOut         `json:"subscribed,omitempty"`
	Heartbeat  bool               `json:"heartbeat"`
	Agent      *agentAPIOut       `json:"agent,omitempty"`
}

// agentAPIOut is what the agent's own operator API answered.
type agentAPIOut struct {
	Healthy bool   `json:"healthy"`
	Version string `json:"version"`
}

// heartbeatType is mesos.v1.master.Event.HEARTBEAT: newer than 0.0.6, which has no constant for it
// and decodes it only with the protobuf codec (its JSON codec rejects the unknown enum name).
const heartbeatType = master.Event_Type(9)

type options struct {
	subscribe bool
	heartbeat bool
	agentURL  string
	codec     encoding.Codec
}

func main() {
	masterURL := flag.String("master", "http://127.0.0.1:5050", "URL of the leading Mesos master")
	subscribe := flag.Bool("subscribe", true, "also SUBSCRIBE and decode the first event (SUBSCRIBED)")
	heartbeat := flag.Bool("heartbeat", false, "after SUBSCRIBED, also decode the next event, which must be HEARTBEAT")
	agentURL := flag.String("agent", "", "base URL of an agent whose /api/v1 answers GET_HEALTH and GET_VERSION")
	codec := flag.String("codec", codecs.NameJSON, "json or protobuf (mesos-go's own default)")
	timeout := flag.Duration("timeout", time.Minute, "give up after this long")
	flag.Parse()

	opts := options{subscribe: *subscribe, heartbeat: *heartbeat, agentURL: *agentURL}
	switch *codec {
	case codecs.NameJSON:
		opts.codec = codecs.ByMediaType[codecs.MediaTypeJSON]
	case codecs.NameProtobuf:
		opts.codec = codecs.ByMediaType[codecs.MediaTypeProtobuf]
	default:
		fmt.Fprintln(os.Stderr, "operator: -codec must be json or protobuf")
		os.Exit(2)
	}

	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	out, err := run(ctx, *masterURL, opts)
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, "operator: "+err.Error())
		os.Exit(1)
	}
	line, err := json.Marshal(out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "operator: "+err.Error())
		os.Exit(1)
	}
	fmt.Println(string(line))
}

func run(ctx context.Context, masterURL string, opts options) (*output, error) {
	// The codec is always chosen explicitly, so the flag decides and not mesos-go's default.
	client := httpcli.New(
		httpcli.Endpoint(strings.TrimRight(masterURL, "/")+"/api/v1"),
		httpcli.Codec(opts.codec),
		httpcli.Do(httpcli.With(httpcli.Timeout(15*time.Second))),
	)
	sender := httpmaster.NewSender(client.Send)

	call := func(c *master.Call, want master.Response_Type) (*master.Response, error) {
		resp, err := sender.Send(ctx, calls.NonStreaming(c))
		if resp != nil {
			defer resp.Close()
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", c.Type, err)
		}
		if resp == nil {
			return nil, fmt.Errorf("%s: no response body", c.Type)
		}
		var r master.Response
		if err := resp.Decode(&r); err != nil {
			return nil, fmt.Errorf("%s: decoding the answer: %v", c.Type, err)
		}
		if r.Type != want {
			return nil, fmt.Errorf("%s: answer has type %s, expected %s", c.Type, r.Type, want)
		}
		return &r, nil
	}

	out := &output{TaskStates: map[string]int{}, Metrics: map[string]float64{}}

	r, err := call(calls.GetHealth(), master.Response_GET_HEALTH)
	if err != nil {
		return nil, err
	}
	if r.GetHealth == nil {
		return nil, errors.New("GET_HEALTH: get_health missing")
	}
	out.Healthy = r.GetHealth.Healthy

	if r, err = call(calls.GetVersion(), master.Response_GET_VERSION); err != nil {
		return nil, err
	}
	if r.GetVersion == nil {
		return nil, errors.New("GET_VERSION: get_version missing")
	}
	out.Version = r.GetVersion.VersionInfo.Version

	if r, err = call(calls.GetMaster(), master.Response_GET_MASTER); err != nil {
		return nil, err
	}
	mi := r.GetGetMaster().GetMasterInfo()
	if mi == nil {
		return nil, errors.New("GET_MASTER: master_info missing")
	}
	out.Master = masterOut{ID: mi.ID, PID: mi.GetPID(), Hostname: mi.GetHostname(), Port: mi.GetPort(), Version: mi.GetVersion()}

	if r, err = call(calls.GetState(), master.Response_GET_STATE); err != nil {
		return nil, err
	}
	if r.GetState == nil {
		return nil, errors.New("GET_STATE: get_state missing")
	}
	out.State = countState(r.GetState)

	if r, err = call(calls.GetAgents(), master.Response_GET_AGENTS); err != nil {
		return nil, err
	}
	for _, a := range r.GetGetAgents().GetAgents() {
		out.Agents = append(out.Agents, agentOut{
			ID: a.AgentInfo.GetID().GetValue(), Hostname: a.AgentInfo.Hostname, Port: a.AgentInfo.GetPort(),
			Active: a.Active, PID: a.GetPID(), Version: a.Version,
		})
	}

	if r, err = call(calls.GetFrameworks(), master.Response_GET_FRAMEWORKS); err != nil {
		return nil, err
	}
	addFrameworks := func(list []master.Response_GetFrameworks_Framework, completed bool) {
		for _, f := range list {
			out.Frameworks = append(out.Frameworks, frameworkOut{
				ID: f.FrameworkInfo.GetID().GetValue(), Name: f.FrameworkInfo.Name,
				Active: f.Active, Connected: f.Connected, Completed: completed,
			})
		}
	}
	addFrameworks(r.GetGetFrameworks().GetFrameworks(), false)
	addFrameworks(r.GetGetFrameworks().GetCompletedFrameworks(), true)

	if r, err = call(calls.GetTasks(), master.Response_GET_TASKS); err != nil {
		return nil, err
	}
	gt := r.GetGetTasks()
	addTasks := func(list []mesos.Task, where string) {
		for _, t := range list {
			state := t.GetState().String()
			out.Tasks = append(out.Tasks, taskOut{
				ID: t.TaskID.Value, FrameworkID: t.FrameworkID.Value, AgentID: t.AgentID.Value, State: state, List: where,
			})
			out.TaskStates[state]++
		}
	}
	addTasks(gt.GetPendingTasks(), "pending")
	addTasks(gt.GetTasks(), "tasks")
	addTasks(gt.GetUnreachableTasks(), "unreachable")
	addTasks(gt.GetCompletedTasks(), "completed")
	sort.Slice(out.Tasks, func(i, j int) bool {
		if out.Tasks[i].FrameworkID != out.Tasks[j].FrameworkID {
			return out.Tasks[i].FrameworkID < out.Tasks[j].FrameworkID
		}
		return out.Tasks[i].ID < out.Tasks[j].ID
	})

	if r, err = call(calls.GetMetrics(nil), master.Response_GET_METRICS); err != nil {
		return nil, err
	}
	for _, m := range r.GetGetMetrics().GetMetrics() {
		out.Metrics[m.Name] = m.GetValue()
	}

	if opts.subscribe {
		counts, heartbeat, err := firstEvents(ctx, sender, opts.heartbeat)
		if err != nil {
			return nil, err
		}
		out.Subscribed = counts
		out.Heartbeat = heartbeat
	}

	if opts.agentURL != "" {
		a, err := askAgent(ctx, opts)
		if err != nil {
			return nil, err
		}
		out.Agent = a
	}
	return out, nil
}

// askAgent sends GET_HEALTH and GET_VERSION to an agent's operator API with the same codec.
func askAgent(ctx context.Context, opts options) (*agentAPIOut, error) {
	client := httpcli.New(
		httpcli.Endpoint(strings.TrimRight(opts.agentURL, "/")+"/api/v1"),
		httpcli.Codec(opts.codec),
		httpcli.Do(httpcli.With(httpcli.Timeout(15*time.Second))),
	)
	sender := httpagent.NewSender(client.Send)
	call := func(c *agent.Call, want agent.Response_Type) (*agent.Response, error) {
		resp, err := sender.Send(ctx, agentcalls.NonStreaming(c))
		if resp != nil {
			defer resp.Close()
		}
		if err != nil {
			return nil, fmt.Errorf("agent %s: %v", c.Type, err)
		}
		if resp == nil {
			return nil, fmt.Errorf("agent %s: no response body", c.Type)
		}
		var r agent.Response
		if err := resp.Decode(&r); err != nil {
			return nil, fmt.Errorf("agent %s: decoding the answer: %v", c.Type, err)
		}
		if r.Type != want {
			return nil, fmt.Errorf("agent %s: answer has type %s, expected %s", c.Type, r.Type, want)
		}
		return &r, nil
	}

	out := &agentAPIOut{}
	r, err := call(agentcalls.GetHealth(), agent.Response_GET_HEALTH)
	if err != nil {
		return nil, err
	}
	out.Healthy = r.GetGetHealth().GetHealthy()
	if r, err = call(agentcalls.GetVersion(), agent.Response_GET_VERSION); err != nil {
		return nil, err
	}
	if r.GetVersion == nil {
		return nil, errors.New("agent GET_VERSION: get_version missing")
	}
	out.Version = r.GetVersion.VersionInfo.Version
	return out, nil
}

// firstEvents SUBSCRIBEs to the master's event stream and decodes its first record, which must be
// SUBSCRIBED with the cluster snapshot, and with wantHeartbeat the second, which must be HEARTBEAT.
func firstEvents(ctx context.Context, sender calls.Sender, wantHeartbeat bool) (*countsOut, bool, error) {
	resp, err := sender.Send(ctx, calls.NonStreaming(calls.Subscribe()))
	if resp != nil {
		defer resp.Close()
	}
	if err != nil {
		return nil, false, fmt.Errorf("SUBSCRIBE: %v", err)
	}
	if resp == nil {
		return nil, false, errors.New("SUBSCRIBE: no event stream")
	}
	var e master.Event
	if err := resp.Decode(&e); err != nil {
		return nil, false, fmt.Errorf("SUBSCRIBE: decoding the first event: %v", err)
	}
	if e.Type != master.Event_SUBSCRIBED || e.Subscribed == nil {
		return nil, false, fmt.Errorf("SUBSCRIBE: first event is %s, expected SUBSCRIBED", e.Type)
	}
	if e.Subscribed.GetState == nil {
		return nil, false, errors.New("SUBSCRIBE: SUBSCRIBED has no get_state")
	}
	c := countState(e.Subscribed.GetState)
	if !wantHeartbeat {
		return &c, false, nil
	}

	var next master.Event
	if err := resp.Decode(&next); err != nil {
		return nil, false, fmt.Errorf("SUBSCRIBE: decoding the second event: %v", err)
	}
	if next.Type != heartbeatType {
		return nil, false, fmt.Errorf("SUBSCRIBE: second event is %s, expected HEARTBEAT (9)", next.Type)
	}
	return &c, true, nil
}

func countState(s *master.Response_GetState) countsOut {
	return countsOut{
		Agents:              len(s.GetGetAgents().GetAgents()),
		Frameworks:          len(s.GetGetFrameworks().GetFrameworks()),
		CompletedFrameworks: len(s.GetGetFrameworks().GetCompletedFrameworks()),
		Tasks:               len(s.GetGetTasks().GetTasks()),
		CompletedTasks:      len(s.GetGetTasks().GetCompletedTasks()),
	}
}
