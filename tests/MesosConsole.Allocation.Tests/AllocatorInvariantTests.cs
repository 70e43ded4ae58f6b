using Microsoft.Extensions.Time.Testing;

namespace MesosConsole.Allocation.Tests;

/// <summary>
/// Thousands of random operations (agents and frameworks come and go, roles change, frameworks
/// suppress, revive, deactivate, recover random parts of what they hold with random filters, time
/// passes, cycles run), checking after each one that the allocator never over-allocates and agrees
/// with an independent ledger of who holds what. Two allocators receive the same operations: one
/// has a Decision listener, which makes every cycle evaluate every agent, the other skips agents
/// whose verdict is cached; they must make exactly the same offers.
/// </summary>
public class AllocatorInvariantTests
{
    private const int Operations = 3000;
    private static readonly string[] Roles = ["*", "a", "b"];
    private static readonly TimeSpan?[] RefuseTimes = [null, TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(-1)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomOperations_NeverOverAllocate_AndCachedVerdictsChangeNothing(int seed)
    {
        new Run(seed).Execute();
    }

    private sealed class Run(int seed)
    {
        private readonly Random _random = new(seed);
        private readonly FakeTimeProvider _time = new(AllocatorHarness.Epoch);
        private readonly List<IReadOnlyList<OfferAllocation>> _ignored = [];
        private readonly Dictionary<(string Framework, string Agent, string Role), Resources> _ledger = [];
        private readonly Dictionary<string, FrameworkModel> _frameworks = [];
        private readonly List<string> _agents = [];
        private int _nextId;
        private HierarchicalAllocator _full = null!;
        private HierarchicalAllocator _cached = null!;

        public void Execute()
        {
            using var full = new HierarchicalAllocator(new AllocatorOptions(), _time, _ignored.Add);
            using var cached = new HierarchicalAllocator(new AllocatorOptions(), _time, _ignored.Add);
            full.Decision += _ => { };
            (_full, _cached) = (full, cached);

            for (var step = 0; step < Operations; step++)
            {
                var operation = RandomStep();
                CheckInvariants($"seed {seed}, step {step} ({operation})");
            }
        }

        private string RandomStep()
        {
            switch (_random.Next(100))
            {
                case < 8 when _agents.Count < 8: AddAgent(); return "add agent";
                case < 10 when _agents.Count > 0: RemoveAgent(); return "remove agent";
                case < 16 when _frameworks.Count < 6: AddFramework(); return "add framework";
                case < 18 when _frameworks.Count > 0: RemoveFramework(); return "remove framework";
                case < 21 when _frameworks.Count > 0: UpdateFramework(); return "update framework";
                case < 25 when _frameworks.Count > 0: ToggleActive(); return "(de)activate";
                case < 29 when _frameworks.Count > 0: SuppressOrRevive(); return "suppress/revive";
                case < 60 when _ledger.Count > 0: RecoverPart(); return "recover";
                case < 75: _time.Advance(TimeSpan.FromMilliseconds(_random.Next(0, 3000))); return "advance time";
                default: Cycle(); return "cycle";
            }
        }

        private void Both(Action<HierarchicalAllocator> operation)
        {
            operation(_full);
            operation(_cached);
        }

        private void AddAgent()
        {
            var id = $"agent{_nextId++}";
            var total = Resources.FromScalars(("cpus", _random.Next(0, 17) / 2.0), ("mem", _random.Next(0, 9) * 512), ("disk", _random.Next(0, 3) * 1000))
                .WithRanges("ports", [new ValueRange(31000, 31000 + (ulong)_random.Next(0, 200))]);
            List<OfferAllocation> used = [];
            if (_frameworks.Count > 0 && _random.Next(3) == 0)
            {
                var framework = Pick(_frameworks.Keys);
                var part = Part(total);
                if (!part.IsEmpty)
                {
                    used.Add(new OfferAllocation(framework, id, Pick(Roles), part));
                }
            }

            Both(a => a.AddAgent(id, total, used));
            _agents.Add(id);
            used.ForEach(Hold);
        }

        private void RemoveAgent()
        {
            var id = Pick(_agents);
            Both(a => a.RemoveAgent(id));
            _agents.Remove(id);
            foreach (var key in _ledger.Keys.Where(k => k.Agent == id).ToList())
            {
                _ledger.Remove(key);
            }
        }

        private void AddFramework()
        {
            var id = $"fw{_nextId++}";
            var model = new FrameworkModel(SomeRoles(atLeastOne: true), SomeRoles(atLeastOne: false));
            Both(a => a.AddFramework(id, model.Roles, model.Suppressed));
            _frameworks.Add(id, model);
        }

        private void RemoveFramework()
        {
            var id = Pick(_frameworks.Keys);
            Both(a => a.RemoveFramework(id));
            _frameworks.Remove(id);
            foreach (var key in _ledger.Keys.Where(k => k.Framework == id).ToList())
            {
                _ledger.Remove(key);
            }
        }

        private void UpdateFramework()
        {
            var id = Pick(_frameworks.Keys);
            var model = _frameworks[id] with { Roles = SomeRoles(atLeastOne: false), Suppressed = SomeRoles(atLeastOne: false) };
            Both(a => a.UpdateFramework(id, model.Roles, model.Suppressed));
            _frameworks[id] = model;
        }

        private void ToggleActive()
        {
            var id = Pick(_frameworks.Keys);
            var model = _frameworks[id];
            Both(a =>
            {
                if (model.Active)
                {
                    a.DeactivateFramework(id);
                }
                else
                {
                    a.ActivateFramework(id);
                }
            });
            _frameworks[id] = model with { Active = !model.Active };
        }

        private void SuppressOrRevive()
        {
            var id = Pick(_frameworks.Keys);
            var model = _frameworks[id];
            var roles = _random.Next(2) == 0 ? null : SomeRoles(atLeastOne: true);
            var affected = roles is null ? model.Roles : [.. model.Roles.Intersect(roles)];
            if (_random.Next(2) == 0)
            {
                Both(a => a.Suppress(id, roles));
                _frameworks[id] = model with { Suppressed = [.. model.Suppressed.Union(affected)] };
            }
            else
            {
                Both(a => a.Revive(id, roles));
                _frameworks[id] = model with { Suppressed = [.. model.Suppressed.Except(affected)] };
            }
        }

        private void RecoverPart()
        {
            var key = Pick(_ledger.Keys);
            var held = _ledger[key];
            var part = _random.Next(3) == 0 ? held : Part(held);
            // Sometimes ask back more than is held (a stale or sloppy caller): only what is held may return.
            var requested = _random.Next(5) == 0 ? part + Resources.Parse("cpus:1;mem:64;ports:[30990-31010]") : part;
            var refuse = RefuseTimes[_random.Next(RefuseTimes.Length)];
            Both(a => a.RecoverResources(key.Framework, key.Agent, key.Role, requested, refuse));
            var left = held - requested;
            if (left.IsEmpty)
            {
                _ledger.Remove(key);
            }
            else
            {
                _ledger[key] = left;
            }
        }

        private void Cycle()
        {
            var fromFull = _full.RunCycle();
            var fromCached = _cached.RunCycle();

            Assert.Equal(fromFull, fromCached);
            foreach (var offer in fromFull)
            {
                var framework = _frameworks[offer.FrameworkId];
                Assert.True(framework.Active, $"inactive {offer.FrameworkId} got an offer");
                Assert.Contains(offer.Role, framework.Roles);
                Assert.DoesNotContain(offer.Role, framework.Suppressed);
                Hold(offer);
            }
        }

        private void Hold(OfferAllocation allocation)
        {
            var key = (allocation.FrameworkId, allocation.AgentId, allocation.Role);
            _ledger[key] = _ledger.GetValueOrDefault(key, Resources.Empty) + allocation.Resources;
        }

        private void CheckInvariants(string where)
        {
            var agents = _cached.GetAgents();
            Assert.Equal(agents, _full.GetAgents(), AgentsEqual);
            Assert.Equal(_agents, agents.Select(a => a.AgentId));
            foreach (var agent in agents)
            {
                var allocated = agent.Allocations.Aggregate(Resources.Empty, (sum, a) => sum + a.Resources);
                Assert.True(agent.Available + allocated == agent.Total, $"{where}: {agent.AgentId} has {agent.Available} + {allocated} != {agent.Total}");
                Assert.All(agent.Allocations.Select(a => a.Resources).Append(agent.Available), r => Assert.All(r.Scalars.Values, v => Assert.True(v >= 0)));
                foreach (var allocation in agent.Allocations)
                {
                    Assert.Equal(_ledger.GetValueOrDefault((allocation.FrameworkId, allocation.AgentId, allocation.Role)), allocation.Resources);
                }
            }

            Assert.Equal(_ledger.Count, agents.Sum(a => a.Allocations.Count));
        }

        private static bool AgentsEqual(AgentAllocations x, AgentAllocations y) =>
            x.AgentId == y.AgentId && x.Total == y.Total && x.Available == y.Available && x.Allocations.SequenceEqual(y.Allocations);

        /// <summary>A random part of <paramref name="whole"/>: a fraction of each scalar and some of its ranges.</summary>
        private Resources Part(Resources whole)
        {
            var scalars = whole.Scalars.Select(s => (s.Key, Math.Floor(s.Value * _random.NextDouble() * 1000) / 1000)).ToArray();
            var part = Resources.FromScalars(scalars);
            foreach (var (name, ranges) in whole.Ranges)
            {
                part = part.WithRanges(name, ranges.Where(_ => _random.Next(2) == 0).Select(r => r with { End = r.Begin + (ulong)_random.Next(0, (int)Math.Min(r.End - r.Begin, 50) + 1) }));
            }

            return part;
        }

        private string[] SomeRoles(bool atLeastOne)
        {
            var roles = Roles.Where(_ => _random.Next(2) == 0).ToArray();
            return atLeastOne && roles.Length == 0 ? [Pick(Roles)] : roles;
        }

        private T Pick<T>(IEnumerable<T> items)
        {
            var list = items as IReadOnlyList<T> ?? [.. items];
            return list[_random.Next(list.Count)];
        }
    }

    private sealed record FrameworkModel(string[] Roles, string[] Suppressed, bool Active = true);
}
