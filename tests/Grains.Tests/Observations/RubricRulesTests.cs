using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Observations;

namespace Collab.Grains.Tests.Observations;

public sealed class RubricRulesTests
{
    private static Rubric Of(params RubricDimension[] dimensions) => new(dimensions);

    private static void Refused(string code, string fragment, Rubric rubric)
    {
        var error = Assert.Throws<CollabException>(() => RubricRules.Validate(rubric));
        Assert.Equal(code, error.Code);
        Assert.Contains(fragment, error.Message);
    }

    [Fact]
    public void The_default_rubric_has_the_six_dimensions_of_protocol_section_3_with_weights_summing_to_100()
    {
        var rubric = RubricRules.Validate(null);

        Assert.NotSame(RubricRules.Validate(null).Dimensions, rubric.Dimensions);
        Assert.Equal(["objectives", "content", "methods", "organisation", "effect", "skill"], rubric.Dimensions.Select(d => d.Key));
        Assert.Equal(["教学目标", "教学内容", "教学方法", "课堂组织", "教学效果", "教师素养"], rubric.Dimensions.Select(d => d.Name));
        Assert.Equal([15, 20, 20, 15, 20, 10], rubric.Dimensions.Select(d => d.Weight));
        Assert.All(rubric.Dimensions, d => Assert.NotEmpty(d.Descriptors!));
        Assert.Equal(rubric.Dimensions, RubricRules.Validate(rubric).Dimensions, new DimensionComparer());
    }

    [Fact]
    public void A_custom_rubric_is_trimmed_and_kept_in_order_with_optional_descriptors()
    {
        var rubric = RubricRules.Validate(Of(
            new(" inquiry ", " 探究活动 ", 60, [" 问题驱动 ", "小组合作"]),
            new("reading-2", "朗读", 40)));

        Assert.Equal(
            [new RubricDimension("inquiry", "探究活动", 60, ["问题驱动", "小组合作"]), new RubricDimension("reading-2", "朗读", 40)],
            rubric.Dimensions,
            new DimensionComparer());
        Assert.Null(RubricRules.Validate(Of(new("a", "A", 50, []), new("b", "B", 50))).Dimensions[0].Descriptors);
    }

    [Fact]
    public void Twelve_dimensions_are_allowed_and_thirteen_are_too_many()
    {
        var twelve = Enumerable.Range(0, 12).Select(i => new RubricDimension($"d{i}", $"D{i}", i < 4 ? 9 : 8)).ToArray();
        Assert.Equal(12, RubricRules.Validate(Of(twelve)).Dimensions.Count);

        var thirteen = Enumerable.Range(0, 13).Select(i => new RubricDimension($"d{i}", $"D{i}", i < 9 ? 8 : 7)).ToArray();
        Refused(ErrorCodes.TooLarge, "at most 12", Of(thirteen));
    }

    [Fact]
    public void Fewer_than_two_dimensions_are_refused()
    {
        Refused(ErrorCodes.InvalidArgument, "at least 2", Of(new RubricDimension("all", "All", 100)));
        Refused(ErrorCodes.InvalidArgument, "at least 2", Of());
        Refused(ErrorCodes.InvalidArgument, "needs dimensions", new Rubric(null!));
    }

    [Theory]
    [InlineData(50, 49, "sum to 99")]
    [InlineData(50, 51, "sum to 101")]
    [InlineData(100, 0, "positive")]
    [InlineData(110, -10, "positive")]
    public void Weights_must_be_positive_and_sum_to_100(int first, int second, string fragment)
    {
        Refused(ErrorCodes.InvalidArgument, fragment, Of(new("a", "A", first), new("b", "B", second)));
    }

    [Fact]
    public void Weights_that_overflow_an_int_when_summed_are_refused_not_wrapped()
    {
        Refused(ErrorCodes.InvalidArgument, "must sum to 100", Of(new("a", "A", int.MaxValue), new("b", "B", int.MaxValue), new("c", "C", 102)));
    }

    [Theory]
    [InlineData("Objectives")]
    [InlineData("two words")]
    [InlineData("-lead")]
    [InlineData("目标")]
    public void Keys_are_lower_case_letters_digits_and_dashes(string key)
    {
        Refused(ErrorCodes.InvalidArgument, "lower-case", Of(new(key, "A", 50), new("b", "B", 50)));
    }

    [Fact]
    public void Keys_must_be_unique_and_names_present_and_bounded()
    {
        Refused(ErrorCodes.InvalidArgument, "'a' appears more than once", Of(new("a", "A", 50), new(" a", "B", 50)));
        Refused(ErrorCodes.InvalidArgument, "name of dimension b", Of(new("a", "A", 50), new("b", " ", 50)));
        Refused(ErrorCodes.InvalidArgument, "dimension key", Of(new("a", "A", 50), new("", "B", 50)));
        Refused(ErrorCodes.TooLarge, "name of dimension b", Of(new("a", "A", 50), new("b", new string('名', 51), 50)));
        Refused(ErrorCodes.TooLarge, "dimension key", Of(new("a", "A", 50), new(new string('k', 33), "B", 50)));
        Refused(ErrorCodes.InvalidArgument, "must not be null", Of(new("a", "A", 50), null!));
    }

    [Fact]
    public void Descriptors_are_bounded_in_number_and_length_and_must_not_be_blank()
    {
        Refused(ErrorCodes.TooLarge, "more than 10 descriptors",
            Of(new("a", "A", 50, Enumerable.Range(0, 11).Select(i => $"要点{i}").ToList()), new("b", "B", 50)));
        Refused(ErrorCodes.TooLarge, "descriptor of dimension a", Of(new("a", "A", 50, [new string('述', 201)]), new("b", "B", 50)));
        Refused(ErrorCodes.InvalidArgument, "descriptor of dimension a", Of(new("a", "A", 50, ["  "]), new("b", "B", 50)));
    }

    private sealed class DimensionComparer : IEqualityComparer<RubricDimension>
    {
        public bool Equals(RubricDimension? x, RubricDimension? y) =>
            x!.Key == y!.Key && x.Name == y.Name && x.Weight == y.Weight && (x.Descriptors ?? []).SequenceEqual(y.Descriptors ?? []);

        public int GetHashCode(RubricDimension obj) => obj.Key.GetHashCode();
    }
}
