using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Collab.Ot;

namespace Collab.Bench.Micro;

/// <summary>
/// What the plan grain and every client do per op: one character typed into a section of <see cref="Length"/> code
/// points (the coedit scenario keeps sections at 2,000), transformed against concurrent ops, applied, composed.
/// </summary>
[MemoryDiagnoser]
public class OtBenchmarks
{
    private TextOperation _mine = null!;
    private TextOperation _theirs = null!;
    private TextOperation _next = null!;
    private List<TextOperation> _concurrent = null!;
    private string _text = null!;
    private JsonElement _wire;

    [Params(200, 2_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(8);
        _text = new string('课', Length);
        _mine = Insert(Length, random.Next(Length + 1));
        _theirs = Insert(Length, random.Next(Length + 1));
        _next = Insert(Length + 1, random.Next(Length + 2));
        // Ten ops applied since the op's base revision: four editors, each with an op in flight, a few round trips behind.
        _concurrent = Enumerable.Range(0, 10).Select(i => Insert(Length + i, random.Next(Length + i + 1))).ToList();
        _wire = JsonSerializer.SerializeToElement(_mine.ToWire());
    }

    [Benchmark]
    public (TextOperation, TextOperation) Transform() => TextOperation.Transform(_theirs, _mine);

    [Benchmark]
    public TextOperation TransformAgainstTen() => TextOperation.TransformAgainst(_mine, _concurrent);

    [Benchmark]
    public string Apply() => _mine.Apply(_text);

    [Benchmark]
    public TextOperation Compose() => TextOperation.Compose(_mine, _next);

    [Benchmark]
    public TextOperation ParseWire() => TextOperation.Parse(_wire);

    [Benchmark]
    public string SerializeWire() => JsonSerializer.Serialize(_mine.ToWire());

    private static TextOperation Insert(int length, int position)
    {
        var components = new List<OpComponent>();
        if (position > 0)
        {
            components.Add(OpComponent.Retain(position));
        }
        components.Add(OpComponent.Insert("课"));
        if (length - position > 0)
        {
            components.Add(OpComponent.Retain(length - position));
        }
        return TextOperation.Create(components);
    }
}
