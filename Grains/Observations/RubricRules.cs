using System.Text.RegularExpressions;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Observations;

namespace Collab.Grains.Observations;

/// <summary>
/// What makes a rubric valid: 2–12 dimensions with unique keys (lower-case letters, digits and dashes), non-empty
/// names, positive integer weights summing to 100, and optional short descriptors.
/// </summary>
public static partial class RubricRules
{
    /// <summary>The rubric with its text trimmed, or the default one when none is given; throws the refusal otherwise.</summary>
    public static Rubric Validate(Rubric? rubric)
    {
        if (rubric is null)
        {
            return DefaultRubric.Create();
        }
        var requested = rubric.Dimensions ?? throw CollabException.Invalid("a rubric needs dimensions");
        if (requested.Count < ObservationLimits.MinDimensions)
        {
            throw CollabException.Invalid($"a rubric has at least {ObservationLimits.MinDimensions} dimensions");
        }
        if (requested.Count > ObservationLimits.MaxDimensions)
        {
            throw CollabException.TooLarge($"a rubric has at most {ObservationLimits.MaxDimensions} dimensions");
        }
        var dimensions = requested.Select(Dimension).ToList();
        var duplicate = dimensions.GroupBy(d => d.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw CollabException.Invalid($"dimension key '{duplicate.Key}' appears more than once");
        }
        var total = dimensions.Sum(d => (long)d.Weight);
        if (total != ObservationLimits.TotalWeight)
        {
            throw CollabException.Invalid($"dimension weights sum to {total}; they must sum to {ObservationLimits.TotalWeight}");
        }
        return new Rubric(dimensions);
    }

    private static RubricDimension Dimension(RubricDimension? dimension)
    {
        if (dimension is null)
        {
            throw CollabException.Invalid("a rubric dimension must not be null");
        }
        var key = TextFields.Required(dimension.Key, "dimension key", ObservationLimits.DimensionKeyLength);
        if (!KeyPattern().IsMatch(key))
        {
            throw CollabException.Invalid($"dimension key '{key}' may hold only lower-case letters, digits and dashes");
        }
        var name = TextFields.Required(dimension.Name, $"name of dimension {key}", ObservationLimits.DimensionNameLength);
        if (dimension.Weight <= 0)
        {
            throw CollabException.Invalid($"weight of dimension {key} must be a positive integer");
        }
        var descriptors = dimension.Descriptors ?? [];
        if (descriptors.Count > ObservationLimits.Descriptors)
        {
            throw CollabException.TooLarge($"dimension {key} has more than {ObservationLimits.Descriptors} descriptors");
        }
        var texts = descriptors
            .Select(d => TextFields.Required(d, $"descriptor of dimension {key}", ObservationLimits.DescriptorLength))
            .ToList();
        return new RubricDimension(key, name, dimension.Weight, texts.Count == 0 ? null : texts);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex KeyPattern();
}
