using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Tutoring;
using Collab.Grains.Tutoring;

namespace Collab.Grains.Tests.Tutoring;

public sealed class StrokeRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static double[][] Line(int points) => Enumerable.Range(0, points).Select(i => new double[] { i, i * 0.5 }).ToArray();

    private static string Refusal(StrokeInput input) =>
        Assert.Throws<CollabException>(() => StrokeRules.Validate(input, 2000, "u", At)).Code;

    [Fact]
    public void A_valid_stroke_is_kept_with_a_normalised_colour()
    {
        var stroke = StrokeRules.Validate(new StrokeInput("s1", Line(2000), "#FF8800", 2.5), 2000, "u", At);
        Assert.Equal(2000, stroke.Points.Length);
        Assert.Equal("#ff8800", stroke.Color);
        Assert.Equal("u", stroke.UserId);
    }

    [Fact]
    public void Malformed_and_oversized_strokes_are_refused_with_their_codes()
    {
        Assert.Equal(ErrorCodes.TooLarge, Refusal(new StrokeInput("s", Line(2001), "#000", 1)));
        Assert.Equal(ErrorCodes.InvalidArgument, Refusal(new StrokeInput("s", [], "#000", 1)));
        Assert.Equal(ErrorCodes.InvalidArgument, Refusal(new StrokeInput("s", null, "#000", 1)));
        Assert.Equal(ErrorCodes.InvalidArgument, Refusal(new StrokeInput("", Line(2), "#000", 1)));
        Assert.Equal(ErrorCodes.InvalidArgument, Refusal(new StrokeInput("s", [[1, 2, 3]], "#000", 1)));
        Assert.Equal(ErrorCodes.InvalidArgument, Refusal(new StrokeInput("s", [[double.NaN, 2]], "#000", 1)));
        Assert.Equal(ErrorCodes.InvalidArgument, Refusal(new StrokeInput("s", [[1e9, 2]], "#000", 1)));
        Assert.Equal(ErrorCodes.InvalidArgument, Refusal(new StrokeInput("s", Line(2), "red", 1)));
        Assert.Equal(ErrorCodes.InvalidArgument, Refusal(new StrokeInput("s", Line(2), "#12345", 1)));
        Assert.Equal(ErrorCodes.InvalidArgument, Refusal(new StrokeInput("s", Line(2), "#000", 0)));
        Assert.Equal(ErrorCodes.InvalidArgument, Refusal(new StrokeInput("s", Line(2), "#000", 65)));
        Assert.Equal(ErrorCodes.InvalidArgument, Refusal(new StrokeInput("s", Line(2), "#000", double.PositiveInfinity)));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(77)]
    [InlineData(1234)]
    public void Random_strokes_are_accepted_exactly_when_every_rule_holds(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 2000; i++)
        {
            var count = random.Next(0, 2100);
            var badPoint = random.Next(10) == 0;
            var points = Enumerable.Range(0, count).Select(_ => new[] { random.NextDouble() * 2000 - 1000, random.NextDouble() * 2000 - 1000 }).ToArray();
            if (badPoint && count > 0)
            {
                points[random.Next(count)] = [double.NaN, 0];
            }
            var color = random.Next(8) == 0 ? "blue" : $"#{random.Next(0x1000000):x6}";
            var width = random.NextDouble() * 70;
            var valid = count is > 0 and <= 2000 && !badPoint && color.StartsWith('#') && width is >= 0.5 and <= 64;
            var input = new StrokeInput($"s{i}", points, color, width);
            if (valid)
            {
                Assert.Equal(count, StrokeRules.Validate(input, 2000, "u", At).Points.Length);
            }
            else
            {
                Assert.Throws<CollabException>(() => StrokeRules.Validate(input, 2000, "u", At));
            }
        }
    }
}
