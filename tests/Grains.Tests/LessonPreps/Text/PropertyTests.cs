using Collab.Client;
using Collab.Ot;
using System.Text.Json;
using Collab.Grains.Tests.LessonPreps.Text.Support;

namespace Collab.Grains.Tests.LessonPreps.Text;

/// <summary>
/// Seeded randomised checks. The seeds are fixed so a failure reproduces; the case index is in each
/// failure message so the failing case can be isolated.
/// </summary>
public class PropertyTests
{
    private const int Cases = 10_000;

    [Fact]
    public void Normalised_operation_has_the_effect_of_its_raw_components()
    {
        var random = new Random(1001);
        for (var i = 0; i < Cases; i++)
        {
            var text = RandomOps.Text(random, 12);
            var components = RandomOps.Components(random, text);
            var operation = TextOperation.Create(components);

            Assert.True(Reference.Apply(text, components) == operation.Apply(text), $"case {i}: {operation}");
            Assert.Equal(operation, TextOperation.Create(operation.Components));
            AssertCanonical(operation, i);
        }
    }

    [Fact]
    public void Wire_form_round_trips_through_json()
    {
        var random = new Random(1002);
        for (var i = 0; i < Cases; i++)
        {
            var operation = RandomOps.Operation(random, RandomOps.Text(random, 12));
            using var json = JsonDocument.Parse(JsonSerializer.Serialize(operation.ToWire()));

            Assert.True(operation == TextOperation.Parse(json.RootElement), $"case {i}: {operation}");
        }
    }

    [Fact]
    public void Transformed_operations_converge()
    {
        var random = new Random(1003);
        for (var i = 0; i < Cases; i++)
        {
            var text = RandomOps.Text(random, 12);
            var first = RandomOps.Operation(random, text);
            var second = RandomOps.Operation(random, text);

            var (firstPrime, secondPrime) = TextOperation.Transform(first, second);

            var viaFirst = secondPrime.Apply(first.Apply(text));
            var viaSecond = firstPrime.Apply(second.Apply(text));
            Assert.True(viaFirst == viaSecond, $"case {i}: {first} vs {second} on {JsonSerializer.Serialize(text)}");
            Assert.Equal(TextOperation.Compose(first, secondPrime).Apply(text), viaFirst);
            AssertCanonical(firstPrime, i);
            AssertCanonical(secondPrime, i);
        }
    }

    [Fact]
    public void Composed_operation_has_the_effect_of_both()
    {
        var random = new Random(1004);
        for (var i = 0; i < Cases; i++)
        {
            var text = RandomOps.Text(random, 12);
            var first = RandomOps.Operation(random, text);
            var middle = first.Apply(text);
            var second = RandomOps.Operation(random, middle);

            var composed = TextOperation.Compose(first, second);

            Assert.True(second.Apply(middle) == composed.Apply(text), $"case {i}: {first} then {second}");
            Assert.Equal(first.BaseLength, composed.BaseLength);
            Assert.Equal(second.TargetLength, composed.TargetLength);
            AssertCanonical(composed, i);
        }
    }

    [Fact]
    public void Stale_client_operation_rebased_on_server_history_converges_with_the_client()
    {
        var random = new Random(1005);
        for (var i = 0; i < Cases; i++)
        {
            // The client edited revision 0 while the server moved on by up to six operations.
            var original = RandomOps.Text(random, 10);
            var history = new List<TextOperation>();
            var serverText = original;
            for (var n = random.Next(7); n > 0; n--)
            {
                var applied = RandomOps.Operation(random, serverText);
                history.Add(applied);
                serverText = applied.Apply(serverText);
            }

            var clientOperation = RandomOps.Operation(random, original);
            var clientText = clientOperation.Apply(original);

            var rebased = TextOperation.TransformAgainst(clientOperation, history);
            serverText = rebased.Apply(serverText);

            // The client receives the history one operation at a time, with its own op still pending.
            var pending = clientOperation;
            foreach (var applied in history)
            {
                (var appliedPrime, pending) = TextOperation.Transform(applied, pending);
                clientText = appliedPrime.Apply(clientText);
            }

            Assert.True(serverText == clientText, $"case {i}: {clientOperation} against [{string.Join(", ", history)}]");
            Assert.Equal(rebased, pending);
        }
    }

    [Fact]
    public void Transformed_index_stays_in_bounds_and_follows_its_code_point()
    {
        var random = new Random(1006);
        for (var i = 0; i < Cases; i++)
        {
            var text = RandomOps.Text(random, 12);
            var operation = RandomOps.Operation(random, text);
            var before = Reference.Split(text);
            var after = Reference.Split(operation.Apply(text));
            var position = random.Next(operation.BaseLength + 1);
            var other = random.Next(operation.BaseLength + 1);

            foreach (var followInsert in new[] { false, true })
            {
                var moved = TextOperation.TransformIndex(position, operation, followInsert);
                Assert.InRange(moved, 0, operation.TargetLength);

                // Positions never cross each other, so an anchor's start stays before its end.
                var (low, high) = position <= other ? (position, other) : (other, position);
                Assert.True(
                    TextOperation.TransformIndex(low, operation, followInsert) <= TextOperation.TransformIndex(high, operation, followInsert),
                    $"case {i}: {low} and {high} through {operation}");
            }

            // Inserts at a retained code point's position land before it, so following them finds it.
            if (position < before.Length && IsRetained(operation, position))
            {
                var moved = TextOperation.TransformIndex(position, operation, followInsert: true);
                Assert.True(before[position] == after[moved], $"case {i}: {position} through {operation}");
            }

            Assert.True(TextOperation.TransformIndex(position, operation) <= TextOperation.TransformIndex(position, operation, followInsert: true));
        }
    }

    [Fact]
    public void Client_editors_and_server_converge_despite_reordered_events_and_resends()
    {
        var random = new Random(1007);
        for (var run = 0; run < 2_000; run++)
        {
            var text = RandomOps.Text(random, 8);
            var server = new ReferenceServer(text);
            var session = new SimulatedSession<TextOperation, string>(
                Enumerable.Range(0, 3).Select(i => new SectionEditor($"c{i}", $"c{i}", ReferenceServer.Section, 0, text)), server.Receive,
                RandomOps.Operation);
            for (var step = 0; step < 40; step++)
            {
                session.Step(random);
            }

            session.Drain();
            foreach (var client in session.Clients)
            {
                Assert.True(server.Text == client.Editor.Content, $"run {run}");
                Assert.True(client.Editor.Idle, $"run {run}");
                Assert.False(client.Editor.Waiting, $"run {run}");
            }
        }
    }

    private static bool IsRetained(TextOperation operation, int position)
    {
        var at = 0;
        foreach (var component in operation.Components)
        {
            if (component.Kind == OpKind.Insert)
            {
                continue;
            }

            if (position < at + component.Length)
            {
                return component.Kind == OpKind.Retain;
            }

            at += component.Length;
        }

        return false;
    }

    private static void AssertCanonical(TextOperation operation, int i)
    {
        var components = operation.Components;
        for (var n = 1; n < components.Count; n++)
        {
            var (previous, current) = (components[n - 1].Kind, components[n].Kind);
            Assert.True(previous != current, $"case {i}: adjacent {current} in {operation}");
            Assert.False(previous == OpKind.Delete && current == OpKind.Insert, $"case {i}: insert after delete in {operation}");
        }

        Assert.All(components, c => Assert.True(c.Length > 0));
    }
}
