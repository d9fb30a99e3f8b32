using System.Collections.Concurrent;

namespace Collab.Bench.Baseline;

/// <summary>B1/B2's plans, in memory: created by REST, found by the hub. Sections are Collab's default ones.</summary>
public sealed class LessonPlans
{
    public static readonly IReadOnlyList<(string Key, string Title)> Sections =
    [
        ("objectives", "教学目标"), ("key-points", "教学重难点"), ("process", "教学过程"),
        ("homework", "作业布置"), ("board-design", "板书设计"), ("reflection", "教学反思"),
    ];

    private readonly ConcurrentDictionary<string, PlanDocument> _plans = new();
    private long _last;

    public string Create()
    {
        var id = $"lp-{Interlocked.Increment(ref _last)}";
        _plans[id] = new PlanDocument(id, Sections.Select(s => s.Key));
        return id;
    }

    public PlanDocument Get(string id) =>
        _plans.TryGetValue(id, out var plan) ? plan : throw new ArgumentException($"no plan {id}");
}
