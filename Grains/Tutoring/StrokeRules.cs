using System.Text.RegularExpressions;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Tutoring;

namespace Collab.Grains.Tutoring;

/// <summary>Validation of a whiteboard stroke: id, points (pairs of finite numbers on the board), colour and width.</summary>
public static partial class StrokeRules
{
    public const int StrokeIdLength = 64;
    public const double CoordinateLimit = 100_000;
    public const double MinWidth = 0.5;
    public const double MaxWidth = 64;

    /// <exception cref="CollabException">invalid_argument for a malformed stroke, too_large for too many points.</exception>
    public static Stroke Validate(StrokeInput input, int maxPoints, string userId, DateTimeOffset at)
    {
        var strokeId = TextFields.Required(input.StrokeId, "strokeId", StrokeIdLength);
        var points = input.Points;
        if (points is null || points.Length == 0)
        {
            throw CollabException.Invalid("a stroke has at least one point");
        }
        if (points.Length > maxPoints)
        {
            throw CollabException.TooLarge($"a stroke has at most {maxPoints} points");
        }
        foreach (var point in points)
        {
            if (point is not { Length: 2 } || !IsCoordinate(point[0]) || !IsCoordinate(point[1]))
            {
                throw CollabException.Invalid($"each point is [x, y] with finite numbers within ±{CoordinateLimit}");
            }
        }
        if (input.Color is null || !Color().IsMatch(input.Color))
        {
            throw CollabException.Invalid("color is #rgb or #rrggbb");
        }
        if (!double.IsFinite(input.Width) || input.Width < MinWidth || input.Width > MaxWidth)
        {
            throw CollabException.Invalid($"width is between {MinWidth} and {MaxWidth}");
        }
        return new Stroke(strokeId, userId, points.Select(p => new[] { p[0], p[1] }).ToArray(), input.Color.ToLowerInvariant(), input.Width, at);
    }

    private static bool IsCoordinate(double value) => double.IsFinite(value) && Math.Abs(value) <= CoordinateLimit;

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex Color();
}
